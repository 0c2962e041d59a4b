// The read model of the agreements' obligations. Every write is idempotent: the API and
// the obligation's workflow may both make it, in either order.
import type { PrismaClient } from '../prisma/client';
import type { ObligationRecordInput } from '../domain/agreement-obligation';

export class AgreementObligationRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async record(input: ObligationRecordInput): Promise<void> {
    await this.prisma.agreementObligation.upsert({
      where: { id: input.obligationId },
      update: {},
      create: {
        id: input.obligationId,
        agreementId: input.agreementId,
        party: input.party,
        description: input.description,
        dueOn: input.dueOn,
        source: input.source,
        createdById: input.createdBy.userId,
        createdByName: input.createdBy.name,
        createdAt: new Date(input.createdAt),
      },
    });
  }

  /** The first fulfilment stands: a repeated write changes nothing. */
  async markFulfilled(input: { obligationId: string; at: string; byName: string; note?: string }): Promise<void> {
    await this.prisma.agreementObligation.updateMany({
      where: { id: input.obligationId, fulfilledAt: null },
      data: { fulfilledAt: new Date(input.at), fulfilledByName: input.byName, fulfilmentNote: input.note ?? null },
    });
  }

  async markOverdue(input: { obligationId: string; at: string }): Promise<void> {
    await this.prisma.agreementObligation.updateMany({
      where: { id: input.obligationId, overdueAt: null, fulfilledAt: null },
      data: { overdueAt: new Date(input.at) },
    });
  }

  findById(id: string) {
    return this.prisma.agreementObligation.findUnique({ where: { id } });
  }

  listOf(agreementId: string) {
    return this.prisma.agreementObligation.findMany({ where: { agreementId }, orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }] });
  }
}

export type AgreementObligationRecord = NonNullable<Awaited<ReturnType<AgreementObligationRepository['findById']>>>;
