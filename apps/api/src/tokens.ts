// Injection tokens for the side-effect owners the API is built from.
export const DATABASE = Symbol('Database');
export const TEMPORAL_CLIENT = Symbol('TemporalClient');
export const APP_CONFIG = Symbol('AppConfig');
