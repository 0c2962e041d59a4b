// Which regions may be parties to a regional cooperation, and which pairs are mandatory
// partners. Only autonomous regions (daerah otonom) cooperate (PP 28/2018 art. 1 and 2):
// DKI Jakarta's Kabupaten Administrasi Kepulauan Seribu and its five Kota Administrasi
// are administrative areas of the province, not autonomous regions (UU 29/2007, now UU
// 2/2024 on the Daerah Khusus Jakarta), so they cannot be parties.

/** The Kemendagri codes of the non-autonomous administrative areas of Jakarta. */
export const NON_AUTONOMOUS_REGION_CODES: readonly string[] = ['31.01', '31.71', '31.72', '31.73', '31.74', '31.75'];

export function isAutonomousRegion(code: string): boolean {
  return !NON_AUTONOMOUS_REGION_CODES.includes(code);
}

/** The province a Kemendagri code belongs to (the province itself for a two-digit code). */
export function provinceOf(code: string): string {
  return code.slice(0, 2);
}

/**
 * A province and a kabupaten/kota inside it: a mandatory cooperation (KSDD wajib)
 * between them needs no common border (Permendagri 22/2020: cooperation between a
 * province and its own kabupaten/kota is mandatory cooperation).
 */
export function isProvinceAndOwnRegency(a: string, b: string): boolean {
  const province = a.length === 2 ? a : b.length === 2 ? b : null;
  const other = province === a ? b : a;
  return province !== null && other.length > 2 && provinceOf(other) === province;
}
