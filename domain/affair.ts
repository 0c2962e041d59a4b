// Facts about government affairs (bidang urusan) that the plan rules use.
export const AffairGroup = {
  BASIC: 'BASIC',
  NON_BASIC: 'NON_BASIC',
  OPTIONAL: 'OPTIONAL',
  SUPPORT: 'SUPPORT',
  /** Foreign policy, defence, security, justice, national monetary and fiscal policy, religion. */
  ABSOLUTE: 'ABSOLUTE',
} as const;
export type AffairGroup = (typeof AffairGroup)[keyof typeof AffairGroup];

/** Which level of region holds authority over an affair. */
export const GovernmentLevel = { PROV: 'PROV', KABKOTA: 'KABKOTA', BOTH: 'BOTH' } as const;
export type GovernmentLevel = (typeof GovernmentLevel)[keyof typeof GovernmentLevel];

export const RegionLevel = { PROVINCE: 'PROVINCE', REGENCY: 'REGENCY' } as const;
export type RegionLevel = (typeof RegionLevel)[keyof typeof RegionLevel];

export interface AffairFacts {
  group: AffairGroup;
  level: GovernmentLevel;
}

/** Whether a region of `regionLevel` has authority over an affair held at `affairLevel`. */
export function hasAuthority(regionLevel: RegionLevel, affairLevel: GovernmentLevel): boolean {
  if (affairLevel === GovernmentLevel.BOTH) return true;
  return affairLevel === (regionLevel === RegionLevel.PROVINCE ? GovernmentLevel.PROV : GovernmentLevel.KABKOTA);
}

/** The level digit of a kegiatan code: 1 province, 2 kabupaten/kota. */
export function levelDigit(regionLevel: RegionLevel): string {
  return regionLevel === RegionLevel.PROVINCE ? '1' : '2';
}
