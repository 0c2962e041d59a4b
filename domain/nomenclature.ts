// Which edition of the government affairs nomenclature new plans are coded against.

/**
 * The nomenclature version that is current: Permendagri 90/2019 as updated by the
 * Kepmendagri decisions up to 2026. Every affair code is stored with its version, so a
 * later update is seeded as a new version beside this one instead of rewriting it.
 */
export const CURRENT_NOMENCLATURE_VERSION = '2026.1';
