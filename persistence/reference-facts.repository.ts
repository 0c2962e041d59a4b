// Gathers what the reference data says about the codes one plan uses, for the plan rules.
import type { PrismaClient } from '../prisma/client';
import type { PlanContent } from '../domain/plan-content';
import { affairKey, type ReferenceFacts } from '../domain/plan-rules';

export class ReferenceFactsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async factsFor(content: PlanContent, planId?: string): Promise<ReferenceFacts> {
    const partnerCodes = [...new Set(content.partners.flatMap((p) => (p.regionCode ? [p.regionCode] : [])))];
    const [region, affairs, partnerRegions, borders, attachments] = await Promise.all([
      this.prisma.region.findUnique({ where: { code: content.regionCode }, select: { code: true, level: true } }),
      content.objects.length
        ? this.prisma.governmentAffair.findMany({
            where: { OR: content.objects.map((o) => ({ code: o.affairCode, nomenclatureVersion: o.nomenclatureVersion })) },
          })
        : Promise.resolve([]),
      this.prisma.region.findMany({ where: { code: { in: partnerCodes } }, select: { code: true } }),
      this.prisma.regionBorder.findMany({
        where: { OR: [{ regionCode: content.regionCode }, { neighbourCode: content.regionCode }] },
      }),
      planId ? this.prisma.attachment.groupBy({ by: ['purpose'], where: { planId }, _count: { _all: true } }) : Promise.resolve([]),
    ]);
    const affairFacts: ReferenceFacts['affairs'] = {};
    for (const object of content.objects) affairFacts[affairKey(object.affairCode, object.nomenclatureVersion)] = null;
    for (const affair of affairs) affairFacts[affairKey(affair.code, affair.nomenclatureVersion)] = { group: affair.group, level: affair.level };
    return {
      region,
      affairs: affairFacts,
      knownRegionCodes: partnerRegions.map((r) => r.code),
      neighbourCodes: borders.map((b) => (b.regionCode === content.regionCode ? b.neighbourCode : b.regionCode)),
      attachmentCounts: Object.fromEntries(attachments.map((a) => [a.purpose, a._count._all])),
    };
  }
}
