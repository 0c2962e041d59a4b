// E-mails of notifications: queued with their notification, sent (each attempt counted,
// its error kept, never sent again once SENT), and as admins see them per region, by
// status, with the reset of a FAILED one for another round. The only writer of the
// EmailDelivery table.
import type { EmailDeliveryStatus, Prisma, PrismaClient } from '../prisma/client';

export interface QueuedEmail {
  id: string;
  notificationId: string;
  toAddress: string;
  subject: string;
  text: string;
  status: 'PENDING' | 'SKIPPED';
  lastError: string | null;
}

/** Queues e-mails inside the transaction that stores their notifications; one per notification. */
export async function queueEmails(tx: Prisma.TransactionClient, emails: QueuedEmail[]): Promise<void> {
  await tx.emailDelivery.createMany({ data: emails, skipDuplicates: true });
}

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

export class EmailDeliveryRepository {
  constructor(private readonly prisma: PrismaClient) {}

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

  /** Ids of a notification key's e-mails still waiting to be sent, oldest first. */
  async pendingIdsOfKey(key: string): Promise<string[]> {
    const rows = await this.prisma.emailDelivery.findMany({
      where: { status: 'PENDING', notification: { key } },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => row.id);
  }

  statusOf(id: string): Promise<EmailDeliveryStatus | null> {
    return this.prisma.emailDelivery.findUnique({ where: { id }, select: { status: true } }).then((row) => row?.status ?? null);
  }

  /** What the sender needs of one e-mail. */
  forSending(id: string) {
    return this.prisma.emailDelivery.findUnique({ where: { id }, select: { status: true, toAddress: true, subject: true, text: true } });
  }

  async countAttempt(id: string): Promise<void> {
    await this.prisma.emailDelivery.update({ where: { id }, data: { attempts: { increment: 1 } } });
  }

  async recordError(id: string, message: string): Promise<void> {
    await this.prisma.emailDelivery.update({ where: { id }, data: { lastError: message } });
  }

  async markSent(id: string): Promise<void> {
    await this.prisma.emailDelivery.update({ where: { id }, data: { status: 'SENT', sentAt: new Date(), lastError: null } });
  }

  /** SMTP was switched off after the e-mail was queued: it will not be sent. */
  async markSkipped(id: string, reason: string): Promise<void> {
    await this.prisma.emailDelivery.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'SKIPPED', lastError: reason } });
  }
}
