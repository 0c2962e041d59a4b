import type { AuthContext } from '../../../../domain/auth-context';
import { Conflict, Forbidden, NotFound } from '../../../../domain/errors';
import type { AuditRepository } from '../../../../persistence/audit.repository';
import type { EmailDeliveryFilter, EmailDeliveryRecord, EmailDeliveryRepository } from '../../../../persistence/email-delivery.repository';
import type { EmailRetryProcessRepository } from '../repositories/email-retry-process.repository';
import { EmailDeliveryService } from './email-delivery.service';

const admin: AuthContext = { userId: 'u-admin', username: 'admin.kotabogor', displayName: 'Fajar', grants: [{ role: 'ADMIN', regionCode: '32.71' }] };
const officer: AuthContext = {
  userId: 'u-officer',
  username: 'officer.kotabogor',
  displayName: 'Siti',
  grants: [{ role: 'OFFICER', regionCode: '32.71', agency: 'DLH' }],
};

function delivery(id: string, regionCode: string, status: EmailDeliveryRecord['status']): EmailDeliveryRecord {
  return {
    id,
    toAddress: 'dprd.kotabogor@jalin.test',
    subject: 'Judul',
    status,
    attempts: 10,
    lastError: '451 busy',
    createdAt: new Date('2026-07-01T00:00:00Z'),
    sentAt: null,
    notification: {
      id: `n-${id}`,
      key: `k-${id}`,
      template: 'TASK_OVERDUE',
      regionCode,
      planId: null,
      user: { id: 'u-dprd', username: 'dprd.kotabogor', displayName: 'Rina' },
    },
  };
}

/** The repositories as in-memory fakes, recording what the service asked of them. */
function setUp(rows: EmailDeliveryRecord[], startFails = false) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const filters: EmailDeliveryFilter[] = [];
  const started: Array<[string, number]> = [];
  const audited: string[] = [];
  const deliveries = {
    page: async (filter: EmailDeliveryFilter) => {
      filters.push(filter);
      return { items: [], total: 0 };
    },
    findById: async (id: string) => (byId.has(id) ? { ...byId.get(id)! } : null),
    resetFailed: async (id: string) => {
      const row = byId.get(id);
      if (row?.status !== 'FAILED') return false;
      row.status = 'PENDING';
      return true;
    },
    markFailed: async (id: string, reason: string) => {
      const row = byId.get(id)!;
      row.status = 'FAILED';
      row.lastError = reason;
    },
  } as unknown as EmailDeliveryRepository;
  const retries = {
    start: async (id: string, attempts: number) => {
      if (startFails) throw new Error('Temporal is unreachable');
      started.push([id, attempts]);
    },
  } as unknown as EmailRetryProcessRepository;
  const audit = { record: async (_: AuthContext, action: { action: string }) => audited.push(action.action) } as unknown as AuditRepository;
  return { service: new EmailDeliveryService(deliveries, retries, audit), byId, filters, started, audited };
}

describe('EmailDeliveryService', () => {
  it('lists the regions the caller administers, or one of them, and refuses anyone else', async () => {
    const { service, filters } = setUp([]);
    await service.list(admin, { status: 'FAILED', page: 1, pageSize: 20 });
    await service.list(admin, { regionCode: '32.71', page: 1, pageSize: 20 });
    expect(filters).toEqual([
      { regionCodes: ['32.71'], status: 'FAILED' },
      { regionCodes: ['32.71'], status: undefined },
    ]);
    await expect(service.list(admin, { regionCode: '32.01', page: 1, pageSize: 20 })).rejects.toBeInstanceOf(Forbidden);
    await expect(service.list(officer, { page: 1, pageSize: 20 })).rejects.toBeInstanceOf(Forbidden);
  });

  it('retries a FAILED e-mail of its region: PENDING, a retry round named by its attempts, audited', async () => {
    const { service, byId, started, audited } = setUp([delivery('d1', '32.71', 'FAILED')]);
    expect((await service.retry(admin, 'd1')).status).toBe('PENDING');
    expect(started).toEqual([['d1', 10]]);
    expect(audited).toEqual(['EMAIL_RETRY_REQUESTED']);
    expect(byId.get('d1')!.status).toBe('PENDING');
  });

  it('answers 404 for another region’s e-mail and 409 for one that has not failed', async () => {
    const { service, started } = setUp([delivery('far', '32.01', 'FAILED'), delivery('sent', '32.71', 'SENT'), delivery('skipped', '32.71', 'SKIPPED')]);
    await expect(service.retry(admin, 'far')).rejects.toBeInstanceOf(NotFound);
    await expect(service.retry(admin, 'missing')).rejects.toBeInstanceOf(NotFound);
    await expect(service.retry(admin, 'sent')).rejects.toBeInstanceOf(Conflict);
    await expect(service.retry(admin, 'skipped')).rejects.toMatchObject({ code: 'NOT_FAILED' });
    expect(started).toEqual([]);
  });

  it('shows the e-mail FAILED again, saying why, when the retry cannot be started', async () => {
    const { service, byId, audited } = setUp([delivery('d1', '32.71', 'FAILED')], true);
    await expect(service.retry(admin, 'd1')).rejects.toThrow('Temporal is unreachable');
    expect(byId.get('d1')).toMatchObject({ status: 'FAILED', lastError: 'The retry could not be started: Temporal is unreachable' });
    expect(audited).toEqual([]);
  });
});
