// Data access for the government affairs nomenclature.
import type { AffairGroup, PrismaClient } from '../prisma/client';
import { escapeLikePattern } from './like-pattern';

export interface AffairFilter {
  q?: string;
  group?: AffairGroup;
  nomenclatureVersion: string;
}

export type AffairRecord = Awaited<ReturnType<GovernmentAffairRepository['search']>>[number];

export class GovernmentAffairRepository {
  constructor(private readonly prisma: PrismaClient) {}

  search(filter: AffairFilter) {
    return this.prisma.governmentAffair.findMany({
      where: {
        nomenclatureVersion: filter.nomenclatureVersion,
        group: filter.group,
        ...(filter.q && {
          OR: [{ code: { startsWith: escapeLikePattern(filter.q) } }, { name: { contains: escapeLikePattern(filter.q), mode: 'insensitive' as const } }],
        }),
      },
      orderBy: { code: 'asc' },
    });
  }
}
