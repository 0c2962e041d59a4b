// Data access for a region's mapping: the region (with its province), its plans for a
// budget year with what the matrix shows of them, and the names of their affairs.
// Three queries whatever the number of plans: the plans come with their objects,
// partners and line items in one findMany, never one query per plan.
import type { PrismaClient } from '../prisma/client';

export type MappingPlanRecord = Awaited<ReturnType<MappingRepository['findPlans']>>[number];

export class MappingRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The region and, for a kabupaten/kota, its province (the first two digits of its code). */
  findRegionWithProvince(code: string) {
    return this.prisma.region.findMany({ where: { code: { in: [...new Set([code, code.slice(0, 2)])] } } });
  }

  /** Every plan of the region and year, rejected ones included: the matrix decides what to list. */
  findPlans(regionCode: string, budgetYear: number) {
    return this.prisma.cooperationPlan.findMany({
      where: { regionCode, budgetYear },
      select: {
        id: true,
        title: true,
        proposingAgency: true,
        cooperationType: true,
        stage: true,
        requiresDprdApproval: true,
        objects: { select: { affairCode: true, nomenclatureVersion: true }, orderBy: { position: 'asc' } },
        partners: { select: { name: true }, orderBy: { position: 'asc' } },
        lineItems: { select: { amount: true } },
      },
      orderBy: { id: 'asc' },
    });
  }

  /** The affairs with these codes, in every nomenclature version (few rows; the matrix picks the version). */
  findAffairs(codes: string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return this.prisma.governmentAffair.findMany({
      where: { code: { in: [...new Set(codes)] } },
      select: { code: true, nomenclatureVersion: true, name: true },
    });
  }
}
