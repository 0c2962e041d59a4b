// Reading a plan's audit trail: a page for the screen, the whole of it as a file.
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../../../domain/auth-context';
import { AuditRepository, type AuditEventRecord } from '../../../../persistence/audit.repository';
import { PlanRepository } from '../../../../persistence/plan.repository';
import type { AuditExportFormat } from '../dtos/audit.dto';
import { CSV_CONTENT_TYPE, renderAuditCsv } from '../renderers/audit-csv';
import { JSON_CONTENT_TYPE, renderAuditJson } from '../renderers/audit-json';
import { requireVisiblePlan } from './plan-visibility';

export interface AuditExport {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface AuditPage {
  items: AuditEventRecord[];
  total: number;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly plans: PlanRepository,
  ) {}

  async page(auth: AuthContext, planId: string, page: number, pageSize: number): Promise<AuditPage> {
    await requireVisiblePlan(this.plans, auth, planId);
    return this.audit.pageByPlan(planId, page, pageSize);
  }

  async export(auth: AuthContext, planId: string, format: AuditExportFormat, now = new Date()): Promise<AuditExport> {
    await requireVisiblePlan(this.plans, auth, planId);
    const events = await this.audit.listByPlan(planId);
    const fileName = `audit-${planId}.${format}`;
    return format === 'csv'
      ? { fileName, contentType: CSV_CONTENT_TYPE, content: renderAuditCsv(events) }
      : { fileName, contentType: JSON_CONTENT_TYPE, content: renderAuditJson({ planId, exportedAt: now, exportedBy: auth.displayName, events }) };
  }
}
