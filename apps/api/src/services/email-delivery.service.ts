// E-mails of notifications for a region's admins: which failed, and sending one again.
// A delivery belongs to the region of its notification; one of a region the caller
// does not administer answers as not found.
import { Injectable } from '@nestjs/common';
import { administeredRegions, requireAdmin } from '../../../../domain/access-policy';
import { AuditAction, AuditEntity } from '../../../../domain/audit-action';
import type { AuthContext } from '../../../../domain/auth-context';
import { Conflict, Forbidden, NotFound } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import type { EmailDeliveryStatus } from '../../../../domain/notification';
import { AuditRepository } from '../../../../persistence/audit.repository';
import { EmailDeliveryRepository, type EmailDeliveryRecord } from '../../../../persistence/email-delivery.repository';
import { EmailRetryProcessRepository } from '../repositories/email-retry-process.repository';

const DELIVERY = { id: 'Pengiriman surel', en: 'E-mail delivery' };

export interface EmailDeliveryQuery {
  status?: EmailDeliveryStatus;
  regionCode?: string;
  page: number;
  pageSize: number;
}

export interface EmailDeliveryPage {
  items: EmailDeliveryRecord[];
  total: number;
}

function requireAnyAdmin(auth: AuthContext): string[] {
  const regions = administeredRegions(auth);
  if (!regions.length) {
    throw new Forbidden(text('Hanya admin wilayah yang dapat melihat pengiriman surel.', 'Only a regional administrator may see e-mail deliveries.'));
  }
  return regions;
}

@Injectable()
export class EmailDeliveryService {
  constructor(
    private readonly deliveries: EmailDeliveryRepository,
    private readonly retries: EmailRetryProcessRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(auth: AuthContext, query: EmailDeliveryQuery): Promise<EmailDeliveryPage> {
    const administered = requireAnyAdmin(auth);
    if (query.regionCode !== undefined) requireAdmin(auth, query.regionCode);
    const regionCodes = query.regionCode === undefined ? administered : [query.regionCode];
    return this.deliveries.page({ regionCodes, status: query.status }, query.page, query.pageSize);
  }

  /** Sends a FAILED e-mail again, durably: PENDING now, SENT or FAILED once the worker is done. */
  async retry(auth: AuthContext, id: string): Promise<EmailDeliveryRecord> {
    const administered = requireAnyAdmin(auth);
    const delivery = await this.deliveries.findById(id);
    if (!delivery || !administered.includes(delivery.notification.regionCode)) throw new NotFound(DELIVERY, id);
    if (delivery.status !== 'FAILED' || !(await this.deliveries.resetFailed(id))) {
      throw new Conflict('NOT_FAILED', text('Hanya surel yang gagal terkirim yang dapat dikirim ulang.', 'Only an e-mail that failed can be sent again.'));
    }
    try {
      await this.retries.start(id, delivery.attempts);
    } catch (error) {
      // Left PENDING, nothing would ever send it: show it FAILED again, with why.
      await this.deliveries.markFailed(id, `The retry could not be started: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    await this.audit.record(auth, {
      action: AuditAction.EMAIL_RETRY_REQUESTED,
      entity: AuditEntity.EMAIL_DELIVERY,
      entityId: id,
      regionCode: delivery.notification.regionCode,
      before: { status: delivery.status, attempts: delivery.attempts, lastError: delivery.lastError },
      after: { status: 'PENDING' },
      details: { notificationKey: delivery.notification.key, toAddress: delivery.toAddress },
    });
    return (await this.deliveries.findById(id)) ?? delivery;
  }
}
