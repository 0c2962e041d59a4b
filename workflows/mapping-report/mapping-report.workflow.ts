// One region's mapping report for one budget year. Every step is a human decision, an
// Update whose validator applies domain/mapping-report.ts's rules (authoritative); the
// handler projects the step (and, on COMPILE, the new immutable revision) through an
// idempotent activity before it answers, and tells the people who act next.
import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { ReportActivities } from '../../activities';
import { DATABASE_ACTIVITY } from '../shared/activity-options';
import { reviewerRoleOf } from '../../domain/access-policy';
import { ReportAction, refuseReportStep, statusAfter, type ReportStatus } from '../../domain/mapping-report';
import { NotificationTemplate } from '../../domain/notification';
import { Role } from '../../domain/role';
import { dispatchNotification } from '../notification/dispatch';
import {
  REPORT_REFUSED_FAILURE_TYPE,
  acceptReportUpdate,
  compileReportUpdate,
  reportStateQuery,
  returnReportUpdate,
  signOffReportUpdate,
  submitReportUpdate,
  type MappingReportInput,
  type MappingReportState,
  type ReportStepCommand,
} from './definitions';

const activities = proxyActivities<ReportActivities>(DATABASE_ACTIVITY);

export async function mappingReportWorkflow(input: MappingReportInput): Promise<MappingReportState> {
  const { region, budgetYear } = input;
  let status: ReportStatus | null = null;
  let revision = 0;
  let steps = 0;
  let lastAction: ReportAction | null = null;
  let busy = false;
  const state = (): MappingReportState => ({ regionCode: region.code, budgetYear, status, revision, steps, lastAction });
  setHandler(reportStateQuery, state);

  const step = async (action: ReportAction, command: ReportStepCommand): Promise<MappingReportState> => {
    // One step at a time: a second update waits for the first's projection.
    await condition(() => !busy);
    busy = true;
    try {
      // Checked again after waiting: the step before may have changed the state.
      const refusal = refuseReportStep(action, { status, revision }, region, command.actor, command.comment);
      if (refusal) throw ApplicationFailure.create({ type: REPORT_REFUSED_FAILURE_TYPE, message: refusal.message.en, details: [refusal], nonRetryable: true });
      const nextRevision = action === ReportAction.COMPILE ? revision + 1 : revision;
      const record = {
        regionCode: region.code,
        provinceCode: region.provinceCode,
        level: input.region.level,
        budgetYear,
        sequence: steps + 1,
        action,
        status: statusAfter(action),
        revision: nextRevision,
        actorId: command.actor.userId,
        actorName: command.actor.name,
        comment: command.comment?.trim() || undefined,
        occurredAt: new Date().toISOString(),
      };
      if (action === ReportAction.COMPILE) await activities.compileReportRevision(record);
      else await activities.recordReportStep(record);
      steps = record.sequence;
      revision = nextRevision;
      status = record.status;
      lastAction = action;
      await tell(action, record.sequence, command);
      return state();
    } finally {
      busy = false;
    }
  };

  const tell = async (action: ReportAction, sequence: number, command: ReportStepCommand) => {
    const key = `${input.idScope ?? ''}report:${region.code}:${budgetYear}:${sequence}`;
    const params = { regionCode: region.code, budgetYear, revision, comment: command.comment ?? null };
    if (action === ReportAction.SUBMIT) {
      const reviewer = reviewerRoleOf(region);
      await dispatchNotification({ key, template: NotificationTemplate.REPORT_SUBMITTED, regionCode: region.code, recipients: { roles: [reviewer] }, params });
    } else if (action === ReportAction.RETURN || action === ReportAction.ACCEPT) {
      const compiler = region.code === region.provinceCode ? Role.PROVINCE_REVIEWER : Role.SECRETARIAT;
      await dispatchNotification({
        key,
        template: action === ReportAction.RETURN ? NotificationTemplate.REPORT_RETURNED : NotificationTemplate.REPORT_ACCEPTED,
        regionCode: region.code,
        recipients: { roles: [{ role: compiler, regionCode: region.code }] },
        params,
      });
    } else if (action === ReportAction.COMPILE) {
      await dispatchNotification({
        key,
        template: NotificationTemplate.REPORT_TO_SIGN,
        regionCode: region.code,
        recipients: { roles: [{ role: Role.HEAD_OF_REGION, regionCode: region.code }] },
        params,
      });
    }
  };

  const updates: Array<[UpdateDefinition<MappingReportState, [ReportStepCommand]>, ReportAction]> = [
    [compileReportUpdate, ReportAction.COMPILE],
    [signOffReportUpdate, ReportAction.SIGN_OFF],
    [submitReportUpdate, ReportAction.SUBMIT],
    [acceptReportUpdate, ReportAction.ACCEPT],
    [returnReportUpdate, ReportAction.RETURN],
  ];
  for (const [update, action] of updates) {
    setHandler(update, (command) => step(action, command), {
      validator: (command) => {
        const refusal = refuseReportStep(action, { status, revision }, region, command.actor, command.comment);
        if (refusal)
          throw ApplicationFailure.create({ type: REPORT_REFUSED_FAILURE_TYPE, message: refusal.message.en, details: [refusal], nonRetryable: true });
      },
    });
  }
  // A report stays open through the budget year: a later plan change makes a new revision,
  // even after acceptance. It ends with the budget year (31 December, in WIT at the latest).
  const yearEnds = Date.UTC(budgetYear, 11, 31, 15);
  await condition(() => false, Math.max(yearEnds - Date.now(), 60_000));
  await condition(allHandlersFinished);
  return state();
}
