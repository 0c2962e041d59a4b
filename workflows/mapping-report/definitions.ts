// The contract of the mapping-report workflow: one per region and budget year
// (`mapping-report-<regionCode>-<budgetYear>`), compiled by the region's secretariat,
// signed off by its head, submitted upward and accepted or returned by the tier above.
// The only file of this folder that the API and tests import.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ReportAction, ReportActor, ReportStatus } from '../../domain/mapping-report';
import type { ReportingRegion } from '../../domain/access-policy';

export const MAPPING_REPORT_WORKFLOW_TYPE = 'mappingReportWorkflow';
/** The failure type a validator's refusal carries (the API answers it as 403 or 409). */
export const REPORT_REFUSED_FAILURE_TYPE = 'ReportStepRefused';

/** `scope` is TEMPORAL_WORKFLOW_ID_SCOPE: empty in a deployment that has its namespace to itself. */
export function mappingReportWorkflowId(regionCode: string, budgetYear: number, scope = ''): string {
  return `${scope}mapping-report-${regionCode}-${budgetYear}`;
}

export interface MappingReportInput {
  region: ReportingRegion & { level: 'PROVINCE' | 'REGENCY' };
  budgetYear: number;
  /** TEMPORAL_WORKFLOW_ID_SCOPE, put before its notices' keys (absent where it is empty, as in runs before it existed). */
  idScope?: string;
}

export interface ReportStepCommand {
  actor: ReportActor;
  comment?: string;
}

export interface MappingReportState {
  regionCode: string;
  budgetYear: number;
  status: ReportStatus | null;
  revision: number;
  steps: number;
  lastAction: ReportAction | null;
}

export const compileReportUpdate = defineUpdate<MappingReportState, [ReportStepCommand]>('compileReport');
export const signOffReportUpdate = defineUpdate<MappingReportState, [ReportStepCommand]>('signOffReport');
export const submitReportUpdate = defineUpdate<MappingReportState, [ReportStepCommand]>('submitReport');
export const acceptReportUpdate = defineUpdate<MappingReportState, [ReportStepCommand]>('acceptReport');
export const returnReportUpdate = defineUpdate<MappingReportState, [ReportStepCommand]>('returnReport');
export const reportStateQuery = defineQuery<MappingReportState>('reportState');

export type { ReportStepRecord } from '../../domain/mapping-report';
