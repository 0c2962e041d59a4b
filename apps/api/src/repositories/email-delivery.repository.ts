// E-mails of notifications as admins see them: per region (the notification's), by
// status, and the reset of a FAILED one for another round of sending.
import { Inject, Injectable } from '@nestjs/common';
import type { EmailDeliveryStatus, PrismaClient } from '../../../../prisma/client';
import { PRISMA } from '../tokens';

const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
const DELIVERY = {
  id: true,
  toAddress: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  notification: {
    select: {
      id: true,
      key: true,
      template: true,
      regionCode: true,
      planId: true,
      user: { select: { id: true, username: true, displayName: true } },
    },
  },
} as const;

export type EmailDeliveryRecord = NonNullable<Awaited<ReturnType<EmailDeliveryRepository['findById']>>>;

export interface EmailDeliveryFilter {
  regionCodes: string[];
  status?: EmailDeliveryStatus;
}

@Injectable()
export class EmailDeliveryRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async page({ regionCodes, status }: EmailDeliveryFilter, page: number, pageSize: number) {
    const where = { notification: { regionCode: { in: regionCodes } }, ...(status && { status }) };
    const [items, total] = await Promise.all([
      this.prisma.emailDelivery.findMany({ where, select: DELIVERY, orderBy: NEWEST_FIRST, skip: (page - 1) * pageSize, take: pageSize }),
      this.prisma.emailDelivery.count({ where }),
    ]);
    return { items, total };
  }

  findById(id: string) {
    return this.prisma.emailDelivery.findUnique({ where: { id }, select: DELIVERY });
  }

  /** FAILED → PENDING, only from FAILED: of two retries at the same moment one wins. False for the other. */
  async resetFailed(id: string): Promise<boolean> {
    const { count } = await this.prisma.emailDelivery.updateMany({ where: { id, status: 'FAILED' }, data: { status: 'PENDING' } });
    return count === 1;
  }

  /** Back to FAILED when the retry could not even be started, saying why. */
  async markFailed(id: string, reason: string): Promise<void> {
    await this.prisma.emailDelivery.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'FAILED', lastError: reason } });
  }
}
