// Provinces and kabupaten/kota with their Kemendagri area codes, read from the CSV
// files the npm package `idn-area-data` ships (ODbL). Its JavaScript is ESM-only and
// wants Node 22, so we read the data files, not the code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { RegionLevel } from '../client';

export interface RegionSeed {
  code: string;
  name: string;
  level: RegionLevel;
  /** The province's own code for a province. */
  provinceCode: string;
}

const PROVINCE_CODE = /^\d{2}$/;
const REGENCY_CODE = /^\d{2}\.\d{2}$/;

/** The folder of the package's CSV files (the package has no `exports`, so its package.json resolves). */
export function idnAreaDataDir(): string {
  return path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true });
}

function field(row: Record<string, string>, name: string, file: string): string {
  const value = row[name];
  if (!value) throw new Error(`${file}: a row has no ${name}: ${JSON.stringify(row)}`);
  return value;
}

/** Every province, then every kabupaten/kota; refuses data that breaks the code format. */
export function loadRegions(dataDir: string = idnAreaDataDir()): RegionSeed[] {
  const provincesFile = path.join(dataDir, 'provinces.csv');
  const regenciesFile = path.join(dataDir, 'regencies.csv');
  const provinces = readCsv(provincesFile).map((row): RegionSeed => {
    const code = field(row, 'code', provincesFile);
    if (!PROVINCE_CODE.test(code)) throw new Error(`${provincesFile}: '${code}' is not a province code`);
    return { code, name: field(row, 'name', provincesFile), level: 'PROVINCE', provinceCode: code };
  });
  const regencies = readCsv(regenciesFile).map((row): RegionSeed => {
    const code = field(row, 'code', regenciesFile);
    const provinceCode = field(row, 'province_code', regenciesFile);
    // The code carries its province: a mismatch means the file is not what we think.
    if (!REGENCY_CODE.test(code) || !code.startsWith(`${provinceCode}.`)) {
      throw new Error(`${regenciesFile}: '${code}' is not a kabupaten/kota code of province '${provinceCode}'`);
    }
    return { code, name: field(row, 'name', regenciesFile), level: 'REGENCY', provinceCode };
  });
  return [...provinces, ...regencies];
}
