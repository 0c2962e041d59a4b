// One cooperation agreement's process, from the completed plan to its evaluation or end.
// Human steps arrive as Updates (refused by their validators before they reach history);
// every change is projected into the read model by an ordinary activity, in order, before
// the update that caused it returns. While in force it waits for the term's end, at 07:00
// in the region's zone on the end date, and then opens the evaluation.
import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { AgreementActivities } from '../../activities';
import { AgreementStage, EvaluationOutcome } from '../../domain/agreement-stage';
import { localInstant } from '../../domain/local-date';
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
  takeBackAgreementTaskUpdate,
  terminateAgreementUpdate,
  type AgreementStatus,
  type AgreementWorkflowInput,
  type TaskCommand,
} from './definitions';

const activities = proxyActivities<AgreementActivities>(DATABASE_ACTIVITY);

/** The hour, in the region's zone, at which dated events of the agreement fire. */
export const AGREEMENT_EVENT_HOUR = 7;

function refuse(violation: Violation | undefined): void {
  if (violation)
    throw ApplicationFailure.create({ type: AGREEMENT_REFUSED_FAILURE_TYPE, message: violation.message.en, details: [violation], nonRetryable: true });
}

export async function cooperationAgreementWorkflow(input: AgreementWorkflowInput): Promise<AgreementStatus> {
  const agreement = new AgreementProcess(input, new Date());
  const projected = async () => {
    const upTo = agreement.outboxLength();
    await condition(() => agreement.isProjectedUpTo(upTo));
    return agreement.status();
  };
  setHandler(agreementStatusQuery, () => agreement.status());
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
  /** Reminders already sent (by days before the end), kept so none goes out twice. */
  const sent = new Set<number>();
  /** While in force: a real instant and the workflow clock at it, so a shortened day (tests) maps real dates to timers. */
  let anchor: { real: number; clock: number } | undefined;

  const notify = (template: NotificationTemplate, key: string, recipients: NotificationRequest['recipients'], params: NotificationRequest['params']) =>
    dispatchNotification({ key, template, regionCode: input.regionCode, recipients, params, planId: input.planId });

  while (!agreement.isFinished() || agreement.nextUnprojected()) {
    const term = agreement.agreementTerm;
    const inForce = agreement.currentStage === AgreementStage.IMPLEMENTATION && !agreement.nextUnprojected() && term;
    if (!inForce) anchor = undefined;
    if (inForce) {
      const clockNow = new Date().getTime();
      anchor ??= { real: clockNow, clock: clockNow };
      const realNow = timelineNow(policy, new Date(anchor.real), anchor.clock, clockNow);
      const due = expiryReminders(term.endsOn, policy.expiryReminderDays, offset, AGREEMENT_EVENT_HOUR, new Date(anchor.real)).filter(
        (r) => !sent.has(r.daysBefore),
      );
      const endsAt = localInstant(term.endsOn, AGREEMENT_EVENT_HOUR, 0, offset).getTime();
      const nextAt = due.length > 0 ? new Date(due[0].at).getTime() : endsAt;
      const wait = timelineDelayMs(policy, nextAt - realNow.getTime());
      const changed = await condition(() => agreement.nextUnprojected() !== undefined || agreement.currentStage !== AgreementStage.IMPLEMENTATION, wait);
      if (changed) continue;
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
    } else {
      await activities.recordAgreementTaskEvent({ agreementId: input.agreementId, event: item.event });
    }
    agreement.markProjected();
  }
  await condition(allHandlersFinished);
  return agreement.status();
}
