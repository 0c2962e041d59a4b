// A starting set of bordering regions: those of the project's demo regions, Kota Bogor
// (32.71) and Kabupaten Bogor (32.01), and of their province. Admins add the rest
// through the API; the seed only adds pairs and never removes one.

/** Two bordering regions, the lower code first (as RegionBorder stores them). */
export type BorderSeed = readonly [regionCode: string, neighbourCode: string];

export const REGION_BORDERS: readonly BorderSeed[] = [
  // Kota Bogor lies wholly inside Kabupaten Bogor.
  ['32.01', '32.71'],
  // Kabupaten Bogor, from UU 102/2024 art. 4: north Kabupaten Tangerang, Kota Tangerang
  // Selatan, Kota Depok, Kota Bekasi; east Kabupaten Bekasi, Karawang, Purwakarta;
  // south Cianjur, Sukabumi; west Lebak. (It does not touch DKI Jakarta.)
  ['32.01', '32.02'],
  ['32.01', '32.03'],
  ['32.01', '32.14'],
  ['32.01', '32.15'],
  ['32.01', '32.16'],
  ['32.01', '32.75'],
  ['32.01', '32.76'],
  ['32.01', '36.02'],
  ['32.01', '36.03'],
  ['32.01', '36.74'],
  // Jawa Barat with DKI Jakarta, Jawa Tengah and Banten.
  ['31', '32'],
  ['32', '33'],
  ['32', '36'],
];
