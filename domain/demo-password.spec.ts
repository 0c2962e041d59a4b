import { isLoopbackAddress } from './demo-password';

describe('isLoopbackAddress', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])('counts %s as the machine itself', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each(['10.0.0.1', '192.168.1.50', '::ffff:192.168.1.50', '128.0.0.1', 'fe80::1', '', undefined, '127.0.0.1.evil'])(
    'counts %s as another machine',
    (address) => {
      expect(isLoopbackAddress(address)).toBe(false);
    },
  );
});
