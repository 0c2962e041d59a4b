// Reading a plan's audit trail: a page for the screen, the whole of it as a file.
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../../../domain/auth-context';
import { AuditRepository, type AuditEventRecord } from '../repositories/audit.repository';
import { PlanScopeRepository } from '../repositories/plan-scope.repository';
import { CSV_CONTENT_TYPE, renderAuditCsv } from '../renderers/audit-csv';
import { JSON_CONTENT_TYPE, renderAuditJson } from '../renderers/audit-json';
import { requireVisiblePlan } from './plan-visibility';

export type AuditExportFormat = 'csv' | 'json';

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
    private readonly scopes: PlanScopeRepository,
  ) {}

  async page(auth: AuthContext, planId: string, page: number, pageSize: number): Promise<AuditPage> {
    await requireVisiblePlan(this.scopes, auth, planId);
    return this.audit.pageByPlan(planId, page, pageSize);
  }

  async export(auth: AuthContext, planId: string, format: AuditExportFormat, now = new Date()): Promise<AuditExport> {
    await requireVisiblePlan(this.scopes, auth, planId);
    const events = await this.audit.listByPlan(planId);
    const fileName = `audit-${planId}.${format}`;
    return format === 'csv'
      ? { fileName, contentType: CSV_CONTENT_TYPE, content: renderAuditCsv(events) }
      : { fileName, contentType: JSON_CONTENT_TYPE, content: renderAuditJson({ planId, exportedAt: now, exportedBy: auth.displayName, events }) };
  }
}
