// One cooperation agreement's process, from the completed plan to its evaluation or end.
// Human steps arrive as Updates (refused by their validators before they reach history);
// every change is projected into the read model by an ordinary activity, in order, before
// the update that caused it returns. While in force it waits for the term's end, at 07:00
// in the region's zone on the end date, and then opens the evaluation.
import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { AgreementActivities } from '../../activities';
import { AgreementStage } from '../../domain/agreement-stage';
import { localInstant } from '../../domain/local-date';
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

  const offset = regionTimeZone(input.regionCode).utcOffsetMinutes;
  const termEndsAt = (): number | undefined => {
    const term = agreement.agreementTerm;
    return term && localInstant(term.endsOn, AGREEMENT_EVENT_HOUR, 0, offset).getTime();
  };

  while (!agreement.isFinished() || agreement.nextUnprojected()) {
    const inForce = agreement.currentStage === AgreementStage.IMPLEMENTATION && !agreement.nextUnprojected();
    const endsAt = inForce ? termEndsAt() : undefined;
    if (endsAt !== undefined) {
      const wait = Math.max(0, endsAt - new Date().getTime());
      const changed = await condition(() => agreement.nextUnprojected() !== undefined || agreement.currentStage !== AgreementStage.IMPLEMENTATION, wait);
      if (!changed) agreement.termEnded(new Date());
      continue;
    }
    await condition(() => agreement.nextUnprojected() !== undefined);
    const item = agreement.nextUnprojected()!;
    if (item.kind === 'transition') {
      await activities.recordAgreementTransition({ agreementId: input.agreementId, transition: item.transition, task: item.task });
    } else {
      await activities.recordAgreementTaskEvent({ agreementId: input.agreementId, event: item.event });
    }
    agreement.markProjected();
  }
  await condition(allHandlersFinished);
  return agreement.status();
}
