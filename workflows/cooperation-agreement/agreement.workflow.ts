// One cooperation agreement's process, from the completed plan to its evaluation or end.
// Human steps arrive as Updates (refused by their validators before they reach history);
// every change is projected into the read model by an ordinary activity, in order, before
// the update that caused it returns. While in force it waits for the term's end, at 07:00
// in the region's zone on the end date, and then opens the evaluation.
// Since AGREEMENT_V2_PATCH: each step's task has a due date, reminders and escalation (the
// plan's review machinery: domain/reminder-schedule.ts, the task row's dueAt), the owning
// agency files monev reports each reporting period, and while in force the run continues
// as new at each reporting period (or after AGREEMENT_CONTINUE_AS_NEW_AFTER_EVENTS events)
// carrying its state, so a five-year agreement's history stays small.
import { ApplicationFailure, allHandlersFinished, condition, continueAsNew, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { AgreementActivities } from '../../activities';
import { AgreementStage, EvaluationOutcome } from '../../domain/agreement-stage';
import { addDays, localDateAtOffset, localInstant } from '../../domain/local-date';
import { nextReminder, type Reminder } from '../../domain/reminder-schedule';
import { DEFAULT_REPORT_EVERY_MONTHS, reportingPeriodOn } from '../../domain/reporting-period';
import type { AgreementStageDeadline } from '../../domain/agreement-deadline';
import type { MonevReport } from '../../domain/monev-report';
import { DAY_MS } from '../../domain/timeline-policy';
import { NotificationTemplate, type NotificationRequest } from '../../domain/notification';
import { Role } from '../../domain/role';
import { timelineDelayMs, timelineNow } from '../../domain/timeline-policy';
import { dispatchNotification } from '../notification/dispatch';
import { expiryReminders } from './expiry-calendar';
import { regionTimeZone } from '../../domain/region-time-zone';
import { TaskEventKind } from '../../domain/review-task';
import type { Violation } from '../../domain/violation';
import { DATABASE_ACTIVITY } from '../shared/activity-options';
import { AgreementProcess } from './agreement-process';
import {
  AGREEMENT_REFUSED_FAILURE_TYPE,
  agreementStatusQuery,
  claimAgreementTaskUpdate,
  decideStepUpdate,
  delegateAgreementTaskUpdate,
  reassignAgreementTaskUpdate,
  releaseAgreementTaskUpdate,
  requestEvaluationUpdate,
  reviewReportUpdate,
  submitReportUpdate,
  takeBackAgreementTaskUpdate,
  terminateAgreementUpdate,
  type AgreementStatus,
  type AgreementWorkflowInput,
  type TaskCommand,
} from './definitions';

const activities = proxyActivities<AgreementActivities>(DATABASE_ACTIVITY);

/** The hour, in the region's zone, at which dated events of the agreement fire. */
export const AGREEMENT_EVENT_HOUR = 7;
/** Runs started before it replay without task deadlines, monev reports' periods or continue-as-new. */
export const AGREEMENT_V2_PATCH = 'agreement-task-deadlines-monev-continue-as-new';
/** The default history length after which a run in force continues as new. */
export const DEFAULT_CONTINUE_AS_NEW_AFTER_EVENTS = 2000;

function refuse(violation: Violation | undefined): void {
  if (violation)
    throw ApplicationFailure.create({ type: AGREEMENT_REFUSED_FAILURE_TYPE, message: violation.message.en, details: [violation], nonRetryable: true });
}

export async function cooperationAgreementWorkflow(input: AgreementWorkflowInput): Promise<AgreementStatus> {
  const agreement = new AgreementProcess(input, new Date());
  const v2 = patched(AGREEMENT_V2_PATCH);
  let taskDeadline: (AgreementStageDeadline & { openSequence: number; escalated: boolean }) | undefined;
  const status = (): AgreementStatus => {
    const current = agreement.status();
    const open = agreement.openTask();
    return {
      ...current,
      ...(taskDeadline && open?.task.openSequence === taskDeadline.openSequence && { taskDeadline: withoutSequence(taskDeadline) }),
    };
  };
  const projected = async () => {
    const upTo = agreement.outboxLength();
    await condition(() => agreement.isProjectedUpTo(upTo));
    return status();
  };
  setHandler(agreementStatusQuery, status);
  setHandler(
    submitReportUpdate,
    async ({ actor, report }) => {
      agreement.submitReport(actor, report, new Date());
      return projected();
    },
    { validator: ({ actor, report }) => refuse(agreement.refuseReport(actor, report)) },
  );
  setHandler(
    reviewReportUpdate,
    async ({ actor, sequence, outcome, comment }) => {
      agreement.reviewReport(actor, sequence, outcome, comment, new Date());
      return projected();
    },
    { validator: ({ actor, sequence, outcome, comment }) => refuse(agreement.refuseReportReview(actor, sequence, outcome, comment)) },
  );
  setHandler(
    decideStepUpdate,
    async (decision) => {
      agreement.decide(decision, new Date());
      return projected();
    },
    { validator: (decision) => refuse(agreement.refuseDecision(decision)) },
  );
  setHandler(
    terminateAgreementUpdate,
    async ({ actor, reason }) => {
      agreement.terminate(actor, reason, new Date());
      return projected();
    },
    { validator: ({ actor, reason }) => refuse(agreement.refuseTermination(actor, reason)) },
  );
  setHandler(
    requestEvaluationUpdate,
    async ({ actor, comment }) => {
      agreement.requestEvaluation(actor, comment, new Date());
      return projected();
    },
    { validator: ({ actor }) => refuse(agreement.refuseEvaluationRequest(actor)) },
  );
  const taskCommands: Array<[UpdateDefinition<AgreementStatus, [TaskCommand]>, TaskEventKind]> = [
    [claimAgreementTaskUpdate, TaskEventKind.CLAIMED],
    [releaseAgreementTaskUpdate, TaskEventKind.RELEASED],
    [reassignAgreementTaskUpdate, TaskEventKind.REASSIGNED],
    [delegateAgreementTaskUpdate, TaskEventKind.DELEGATED],
    [takeBackAgreementTaskUpdate, TaskEventKind.TAKEN_BACK],
  ];
  for (const [update, kind] of taskCommands) {
    setHandler(
      update,
      async (command) => {
        agreement.applyTaskCommand(kind, command, new Date());
        return projected();
      },
      { validator: (command) => refuse(agreement.refuseTaskCommand(kind, command)) },
    );
  }

  const policy = await activities.loadAgreementPolicy();
  const offset = regionTimeZone(input.regionCode).utcOffsetMinutes;
  /** Reminders already sent (by days before the end), kept so none goes out twice (carried across continue-as-new). */
  const sent = new Set<number>(input.carried?.expiryRemindersSent ?? []);
  /** While in force: a real instant and the workflow clock at it, so a shortened day (tests) maps real dates to timers. */
  let anchor: { real: number; clock: number } | undefined = input.carried && { real: Date.parse(input.carried.realNow), clock: new Date().getTime() };
  const reportEveryMonths = policy.reportEveryMonths ?? DEFAULT_REPORT_EVERY_MONTHS;
  const historyLimit = policy.continueAsNewAfterEvents ?? DEFAULT_CONTINUE_AS_NEW_AFTER_EVENTS;

  const notify = (template: NotificationTemplate, key: string, recipients: NotificationRequest['recipients'], params: NotificationRequest['params']) =>
    dispatchNotification({ key, template, regionCode: input.regionCode, recipients, params, planId: input.planId });

  /** The open step's due date, reminders to its holders and the Sekda's escalation, as a plan's review stage has. */
  async function runTaskTimeline(): Promise<void> {
    const reminders = policy.taskReminders;
    if (!reminders) return;
    while (!agreement.isFinished()) {
      const open = agreement.openTask();
      if (!open) {
        taskDeadline = undefined;
        await condition(() => agreement.openTask() !== undefined || agreement.isFinished());
        continue;
      }
      const { openSequence, stage } = open.task;
      const stillOpen = () => agreement.openTask()?.task.openSequence === openSequence;
      // The task row exists once the move is projected; its due date is written onto it.
      await condition(() => !agreement.nextUnprojected() || !stillOpen());
      if (!stillOpen()) continue;
      const deadline = await activities.agreementStageDeadline({ agreementId: input.agreementId, openSequence, stage, enteredAt: open.enteredAt });
      if (!stillOpen()) continue;
      taskDeadline = { ...deadline, openSequence, escalated: false };
      const entered = new Date(open.enteredAt);
      const now = () => timelineNow(policy, entered, entered.getTime(), new Date().getTime());
      let after = now();
      while (stillOpen()) {
        const reminder = nextReminder(deadline.dueDate, reminders, deadline.utcOffsetMinutes, after);
        const interrupted = await condition(() => !stillOpen(), Math.max(1, timelineDelayMs(policy, reminder.at.getTime() - now().getTime())));
        if (interrupted) break;
        await sendTaskReminder(deadline, reminder, reminders.escalateAfterOverdueDays);
        // After an outage only the last day's reminders go out, not the whole backlog.
        after = new Date(Math.max(reminder.at.getTime(), now().getTime() - DAY_MS));
      }
    }
  }

  async function sendTaskReminder(deadline: AgreementStageDeadline, reminder: Reminder, escalateAfterDays: number): Promise<void> {
    const open = agreement.openTask()!;
    const keyBase = `agreement:${input.agreementId}:t${open.task.openSequence}:${deadline.dueDate}`;
    const params = { planTitle: input.title, stage: deadline.stage, dueAt: deadline.dueAt };
    const holders: NotificationRequest['recipients'] = open.task.assignee
      ? { userIds: [open.task.assignee.userId] }
      : { roles: [{ role: open.task.candidateRole, regionCode: input.regionCode }] };
    await notify(
      reminder.kind === 'DUE_SOON' ? NotificationTemplate.TASK_DUE_SOON : NotificationTemplate.TASK_OVERDUE,
      `${keyBase}:${reminder.id}`,
      holders,
      reminder.kind === 'DUE_SOON' ? { ...params, daysLeft: reminder.days } : { ...params, daysOverdue: reminder.days },
    );
    if (!reminder.escalate || !taskDeadline || taskDeadline.escalated) return;
    await activities.recordAgreementTaskEscalation({
      agreementId: input.agreementId,
      openSequence: open.task.openSequence,
      at: reminder.at.toISOString(),
      daysOverdue: reminder.days,
    });
    taskDeadline = { ...taskDeadline, escalated: true };
    await notify(
      NotificationTemplate.TASK_ESCALATED,
      `${keyBase}:ESCALATION`,
      { roles: [{ role: Role.SEKDA, regionCode: input.regionCode }] },
      { ...params, daysOverdue: reminder.days, assigneeName: open.task.assignee?.name ?? null, escalateAfterDays },
    );
  }

  const timelineRun = v2 ? runTaskTimeline() : Promise.resolve();
  /** Set when the run should continue as new at the first moment nothing is in flight. */
  let continueDue = false;
  const readyToContinue = () => allHandlersFinished() && agreement.nextUnprojected() === undefined;

  while (!agreement.isFinished() || agreement.nextUnprojected()) {
    const term = agreement.agreementTerm;
    const inForce = agreement.currentStage === AgreementStage.IMPLEMENTATION && !agreement.nextUnprojected() && term;
    // The timeline's anchor holds while in force; a change being projected (a monev report) does not move it.
    if (!inForce && (!v2 || agreement.currentStage !== AgreementStage.IMPLEMENTATION)) anchor = undefined;
    if (inForce) {
      const clockNow = new Date().getTime();
      anchor ??= { real: clockNow, clock: clockNow };
      const realNow = timelineNow(policy, new Date(anchor.real), anchor.clock, clockNow);
      const due = expiryReminders(term.endsOn, policy.expiryReminderDays, offset, AGREEMENT_EVENT_HOUR, new Date(anchor.real)).filter(
        (r) => !sent.has(r.daysBefore),
      );
      const endsAt = localInstant(term.endsOn, AGREEMENT_EVENT_HOUR, 0, offset).getTime();
      const nextAt = due.length > 0 ? new Date(due[0].at).getTime() : endsAt;
      /** The next reporting period's first moment, when the run continues as new (v2 only). */
      let periodStartsAt: number | undefined;
      if (v2) {
        const period = reportingPeriodOn(term, reportEveryMonths, localDateAtOffset(realNow, offset));
        agreement.reportingPeriod = period.period;
        if (period.endsOn < term.endsOn) periodStartsAt = localInstant(addDays(period.endsOn, 1), AGREEMENT_EVENT_HOUR, 0, offset).getTime();
        if (continueDue || workflowInfo().historyLength >= historyLimit || workflowInfo().continueAsNewSuggested) {
          continueDue = true;
          if (readyToContinue()) await continueWithState(realNow.getTime());
        }
      }
      const wakeAt = periodStartsAt !== undefined && periodStartsAt < nextAt ? periodStartsAt : nextAt;
      const wait = timelineDelayMs(policy, wakeAt - realNow.getTime());
      const changed = await condition(() => agreement.nextUnprojected() !== undefined || agreement.currentStage !== AgreementStage.IMPLEMENTATION, wait);
      if (changed) continue;
      if (periodStartsAt !== undefined && wakeAt === periodStartsAt) {
        // A new reporting period: the next run starts from here with the state, not the history
        // (or, if an update is still being answered, at the next pass of the loop).
        continueDue = true;
        const reached = Math.max(periodStartsAt, timelineNow(policy, new Date(anchor.real), anchor.clock, new Date().getTime()).getTime());
        if (readyToContinue()) await continueWithState(reached);
        anchor = { real: reached, clock: new Date().getTime() };
        continue;
      }
      const params = { planTitle: input.title, number: agreement.status().pksSigning?.number ?? '', endsAt: new Date(endsAt).toISOString() };
      if (due.length > 0) {
        const reminder = due[0];
        sent.add(reminder.daysBefore);
        await notify(
          NotificationTemplate.AGREEMENT_EXPIRING,
          `agreement-expiry:${input.agreementId}:${term.endsOn}:H-${reminder.daysBefore}`,
          {
            roles: [
              { role: Role.SECRETARIAT, regionCode: input.regionCode },
              { role: Role.OFFICER, regionCode: input.regionCode, agency: input.owningAgency },
            ],
          },
          { ...params, daysLeft: reminder.daysBefore },
        );
        continue;
      }
      // The end date came with no evaluation decided: the Sekda hears of it, and the evaluation opens.
      await notify(
        NotificationTemplate.AGREEMENT_EXPIRED_UNDECIDED,
        `agreement-expired:${input.agreementId}:${term.endsOn}`,
        { roles: [{ role: Role.SEKDA, regionCode: input.regionCode }] },
        params,
      );
      agreement.termEnded(new Date());
      continue;
    }
    await condition(() => agreement.nextUnprojected() !== undefined);
    const item = agreement.nextUnprojected()!;
    if (item.kind === 'transition') {
      await activities.recordAgreementTransition({ agreementId: input.agreementId, transition: item.transition, task: item.task });
      const evaluation = item.transition.evaluation;
      if (evaluation === EvaluationOutcome.CONTINUE || evaluation === EvaluationOutcome.EXPAND) {
        await activities.createNextYearPlan({ planId: input.planId, evaluation });
      }
    } else if (item.kind === 'report') {
      await activities.recordAgreementReport({ agreementId: input.agreementId, report: item.report });
    } else {
      await activities.recordAgreementTaskEvent({ agreementId: input.agreementId, event: item.event });
    }
    agreement.markProjected();
    // The update has its answer; then whoever acts next on a report hears of it.
    if (item.kind === 'report') await tellOfReport(item.report);
  }
  await timelineRun;
  await condition(allHandlersFinished);
  return status();

  /** Once a report (or its review) is in the read model, whoever acts next hears of it. */
  async function tellOfReport(report: MonevReport): Promise<void> {
    const common = { planTitle: input.title, period: report.period };
    if (!report.review) {
      await notify(
        NotificationTemplate.AGREEMENT_REPORT_FILED,
        `agreement-report:${input.agreementId}:${report.sequence}:filed`,
        { roles: [{ role: Role.SECRETARIAT, regionCode: input.regionCode }] },
        { ...common, submittedBy: report.submittedBy.name, progressPercent: report.progressPercent },
      );
      return;
    }
    await notify(
      NotificationTemplate.AGREEMENT_REPORT_REVIEWED,
      `agreement-report:${input.agreementId}:${report.sequence}:reviewed`,
      { userIds: [report.submittedBy.userId] },
      { ...common, outcome: report.review.outcome, comment: report.review.comment ?? null },
    );
  }

  /** Hands the state to a new run (every update answered, every change projected: see readyToContinue). */
  async function continueWithState(realNow: number): Promise<never> {
    return continueAsNew<typeof cooperationAgreementWorkflow>({
      ...input,
      carried: {
        ...agreement.carry(),
        expiryRemindersSent: [...sent],
        realNow: new Date(realNow).toISOString(),
        runs: (input.carried?.runs ?? 0) + 1,
      },
    });
  }
}

function withoutSequence({ openSequence: _unused, ...deadline }: AgreementStageDeadline & { openSequence: number; escalated: boolean }) {
  return deadline;
}
