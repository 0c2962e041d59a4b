// Which of Indonesia's three time zones a region keeps: dates people read (a report's
// date, a deadline) are computed there, while instants are stored in UTC.

// Indonesia keeps no daylight saving, so each zone is a fixed offset from UTC; workflows
// use the offset to place a reminder at 07:00 local time without a time-zone database.
export const IndonesianTimeZone = {
  WIB: { iana: 'Asia/Jakarta', abbreviation: 'WIB', utcOffsetMinutes: 420 },
  WITA: { iana: 'Asia/Makassar', abbreviation: 'WITA', utcOffsetMinutes: 480 },
  WIT: { iana: 'Asia/Jayapura', abbreviation: 'WIT', utcOffsetMinutes: 540 },
} as const;
export type IndonesianTimeZone = (typeof IndonesianTimeZone)[keyof typeof IndonesianTimeZone];

// By province code (the first two digits of every Kemendagri area code). Kalimantan
// Barat (61) and Tengah (62) keep WIB; the other Kalimantan provinces keep WITA.
const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT_PROVINCES = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

/** The UTC offset of one of the three zones by its IANA name (WIB for another name). */
export function utcOffsetOfZone(iana: string): number {
  return (Object.values(IndonesianTimeZone).find((zone) => zone.iana === iana) ?? IndonesianTimeZone.WIB).utcOffsetMinutes;
}

/** The time zone of a province or kabupaten/kota; WIB for a code it does not know. */
export function regionTimeZone(regionCode: string): IndonesianTimeZone {
  const province = regionCode.slice(0, 2);
  if (WIT_PROVINCES.has(province)) return IndonesianTimeZone.WIT;
  if (WITA_PROVINCES.has(province)) return IndonesianTimeZone.WITA;
  return IndonesianTimeZone.WIB;
}
