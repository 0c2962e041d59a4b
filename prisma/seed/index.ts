// Seeds the reference data (government affairs, regions, bordering regions). Safe to
// run on every start and every release: it adds what is missing, corrects what the
// source changed, and never deletes, so plans keep their codes and admin-entered
// borders survive.
import type { PrismaClient } from '../client';
import { REGION_BORDERS, type BorderSeed } from './borders';
import { GOVERNMENT_AFFAIRS, NOMENCLATURE_VERSION, type GovernmentAffairSeed } from './government-affairs';
import { loadRegions, type RegionSeed } from './regions';

export interface ReferenceData {
  nomenclatureVersion: string;
  affairs: readonly GovernmentAffairSeed[];
  regions: readonly RegionSeed[];
  borders: readonly BorderSeed[];
}

/** Rows inserted or corrected by one run: all zero when the database was up to date. */
export interface SeedCounts {
  affairs: number;
  regions: number;
  borders: number;
}

export function defaultReferenceData(): ReferenceData {
  return { nomenclatureVersion: NOMENCLATURE_VERSION, affairs: GOVERNMENT_AFFAIRS, regions: loadRegions(), borders: REGION_BORDERS };
}

async function seedAffairs(prisma: PrismaClient, data: ReferenceData): Promise<number> {
  const nomenclatureVersion = data.nomenclatureVersion;
  const existing = new Map((await prisma.governmentAffair.findMany({ where: { nomenclatureVersion } })).map((row) => [row.code, row]));
  const missing = data.affairs.filter((affair) => !existing.has(affair.code));
  const changed = data.affairs.filter((affair) => {
    const row = existing.get(affair.code);
    return row && (row.name !== affair.name || row.group !== affair.group || row.level !== affair.level);
  });
  // skipDuplicates: a seeder running at the same time may have inserted some already.
  const { count } = missing.length
    ? await prisma.governmentAffair.createMany({
        data: missing.map((affair) => ({ ...affair, nomenclatureVersion })),
        skipDuplicates: true,
      })
    : { count: 0 };
  if (changed.length) {
    await prisma.$transaction(
      changed.map(({ code, ...fields }) =>
        prisma.governmentAffair.update({ where: { code_nomenclatureVersion: { code, nomenclatureVersion } }, data: fields }),
      ),
    );
  }
  return count + changed.length;
}

async function seedRegions(prisma: PrismaClient, data: ReferenceData): Promise<number> {
  const existing = new Map((await prisma.region.findMany()).map((row) => [row.code, row]));
  const missing = data.regions.filter((region) => !existing.has(region.code));
  const changed = data.regions.filter((region) => {
    const row = existing.get(region.code);
    return row && (row.name !== region.name || row.level !== region.level || row.provinceCode !== region.provinceCode);
  });
  // One INSERT … SELECT unnest(…) instead of createMany: Prisma spends about 2 ms per row
  // building a createMany, so 552 regions took over a second; this takes about 0.1 s.
  const count = missing.length
    ? await prisma.$executeRaw`
        INSERT INTO "Region" ("code", "name", "level", "provinceCode")
        SELECT * FROM unnest(
          ${missing.map((r) => r.code)}::text[],
          ${missing.map((r) => r.name)}::text[],
          ${missing.map((r) => r.level)}::"RegionLevel"[],
          ${missing.map((r) => r.provinceCode)}::text[]
        )
        ON CONFLICT DO NOTHING`
    : 0;
  if (changed.length) {
    await prisma.$transaction(changed.map(({ code, ...fields }) => prisma.region.update({ where: { code }, data: fields })));
  }
  return count + changed.length;
}

async function seedBorders(prisma: PrismaClient, data: ReferenceData): Promise<number> {
  const known = new Set(data.regions.map((region) => region.code));
  const rows = data.borders.map(([a, b]) => {
    if (a === b || !known.has(a) || !known.has(b)) throw new Error(`Seed border ${a}–${b} names no two known regions`);
    return a < b ? { regionCode: a, neighbourCode: b } : { regionCode: b, neighbourCode: a };
  });
  const { count } = await prisma.regionBorder.createMany({ data: rows, skipDuplicates: true });
  return count;
}

export async function seedReferenceData(prisma: PrismaClient, data: ReferenceData = defaultReferenceData()): Promise<SeedCounts> {
  return {
    affairs: await seedAffairs(prisma, data),
    regions: await seedRegions(prisma, data),
    borders: await seedBorders(prisma, data),
  };
}
