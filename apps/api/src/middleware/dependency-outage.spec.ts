import { classifyOutage } from './dependency-outage';

describe('classifyOutage', () => {
  it('reads a connection the database dropped as a database outage, with or without a code', () => {
    expect(classifyOutage(new Error('Connection terminated unexpectedly'))?.code).toBe('DATABASE_UNAVAILABLE');
    expect(classifyOutage(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))?.code).toBe('DATABASE_UNAVAILABLE');
    expect(classifyOutage(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))?.code).toBe(
      'DATABASE_UNAVAILABLE',
    );
  });

  it('looks through causes', () => {
    expect(classifyOutage(new Error('query failed', { cause: new Error('Connection terminated unexpectedly') }))?.code).toBe('DATABASE_UNAVAILABLE');
  });

  it('leaves a bug a bug', () => {
    expect(classifyOutage(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeUndefined();
    expect(classifyOutage(new Error('Connection terminated unexpectedly, said the test'))).toBeUndefined();
  });
});
