// The demo users' password. It is published (README, start-up banner), so it proves
// nothing about who types it: the API accepts it only from the machine itself.
export const DEMO_PASSWORD = 'jalin-demo-2027';

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (how Node reports an IPv4 client on a dual-stack socket). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
