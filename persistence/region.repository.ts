// Data access for regions and the borders between them.
import type { PrismaClient, RegionLevel } from '../prisma/client';
import { escapeLikePattern } from './like-pattern';

export interface RegionFilter {
  q?: string;
  level?: RegionLevel;
  provinceCode?: string;
  limit: number;
}

/** A border as stored: once per pair, the lower code first. */
export interface BorderKey {
  regionCode: string;
  neighbourCode: string;
}

export type RegionRecord = NonNullable<Awaited<ReturnType<RegionRepository['findByCode']>>>;
export type BorderRecord = NonNullable<Awaited<ReturnType<RegionRepository['findBorder']>>>;

export class RegionRepository {
  constructor(private readonly prisma: PrismaClient) {}

  search(filter: RegionFilter) {
    return this.prisma.region.findMany({
      where: {
        level: filter.level,
        provinceCode: filter.provinceCode,
        ...(filter.q && {
          OR: [{ code: { startsWith: escapeLikePattern(filter.q) } }, { name: { contains: escapeLikePattern(filter.q), mode: 'insensitive' as const } }],
        }),
      },
      orderBy: { code: 'asc' },
      take: filter.limit,
    });
  }

  findByCode(code: string) {
    return this.prisma.region.findUnique({ where: { code } });
  }

  findByCodes(codes: string[]) {
    return this.prisma.region.findMany({ where: { code: { in: codes } }, orderBy: { code: 'asc' } });
  }

  /** The regions bordering `code`, whichever side of the stored pair it is on. */
  async neighbours(code: string) {
    const borders = await this.prisma.regionBorder.findMany({ where: { OR: [{ regionCode: code }, { neighbourCode: code }] } });
    const codes = borders.map((border) => (border.regionCode === code ? border.neighbourCode : border.regionCode));
    return this.findByCodes(codes);
  }

  findBorder(key: BorderKey) {
    return this.prisma.regionBorder.findUnique({ where: { regionCode_neighbourCode: key } });
  }

  /** Adds the border unless it is there already (also under a concurrent request); returns it. */
  async addBorder(key: BorderKey) {
    await this.prisma.regionBorder.createMany({ data: [key], skipDuplicates: true });
    return this.prisma.regionBorder.findUniqueOrThrow({ where: { regionCode_neighbourCode: key } });
  }

  /** Returns false when there was no such border. */
  async removeBorder(key: BorderKey): Promise<boolean> {
    const { count } = await this.prisma.regionBorder.deleteMany({ where: key });
    return count > 0;
  }
}
