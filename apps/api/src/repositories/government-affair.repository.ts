// Data access for the government affairs nomenclature.
import { Inject, Injectable } from '@nestjs/common';
import type { AffairGroup, PrismaClient } from '../../../../prisma/client';
import { PRISMA } from '../tokens';
import { escapeLikePattern } from '../utils/like-pattern';

export interface AffairFilter {
  q?: string;
  group?: AffairGroup;
  nomenclatureVersion: string;
}

export type AffairRecord = Awaited<ReturnType<GovernmentAffairRepository['search']>>[number];

@Injectable()
export class GovernmentAffairRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  search(filter: AffairFilter) {
    return this.prisma.governmentAffair.findMany({
      where: {
        nomenclatureVersion: filter.nomenclatureVersion,
        group: filter.group,
        ...(filter.q && {
          OR: [
            { code: { startsWith: escapeLikePattern(filter.q) } },
            { name: { contains: escapeLikePattern(filter.q), mode: 'insensitive' as const } },
          ],
        }),
      },
      orderBy: { code: 'asc' },
    });
  }
}
