import { embeddedListenHost, exposedDemoWarning } from './listen-host';

describe('where npm start listens', () => {
  it('answers only this machine unless HOST says otherwise', () => {
    expect(embeddedListenHost({})).toBe('127.0.0.1');
    expect(embeddedListenHost({ HOST: '' })).toBe('127.0.0.1');
    expect(embeddedListenHost({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
  });

  it('warns when demo users are reachable from other machines', () => {
    expect(exposedDemoWarning('127.0.0.1', true)).toBeUndefined();
    expect(exposedDemoWarning('0.0.0.0', false)).toBeUndefined();
    expect(exposedDemoWarning('0.0.0.0', true)).toMatch(/refused/);
  });
});
