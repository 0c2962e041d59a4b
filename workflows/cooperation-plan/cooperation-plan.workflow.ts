// One cooperation plan's process, from first submission to COMPLETED or REJECTED.
// Human decisions arrive as Updates (refused by their validators before they reach
// history when they do not fit); every transition is projected into the read model
// by an activity, in order, before the update that caused it returns.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { PlanActivities } from '../../activities';
import type { Violation } from '../../domain/violation';
import {
  REFUSED_FAILURE_TYPE,
  decideReviewUpdate,
  planStatusQuery,
  submitPlanUpdate,
  type PlanStatus,
  type PlanTransition,
  type PlanWorkflowInput,
} from './definitions';
import { PlanProcess } from './plan-process';

// Projection and sync must eventually succeed: a database outage delays a plan, it never fails it.
const activities = proxyActivities<PlanActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

function refuse(violation: Violation | undefined): void {
  if (violation) throw ApplicationFailure.create({ type: REFUSED_FAILURE_TYPE, message: violation.message.en, details: [violation], nonRetryable: true });
}

export async function cooperationPlanWorkflow(input: PlanWorkflowInput): Promise<PlanStatus> {
  const plan = new PlanProcess(input.planId);
  const untilProjected = (transition: PlanTransition) => condition(() => plan.isProjected(transition.sequence));

  setHandler(planStatusQuery, () => plan.status());
  setHandler(
    submitPlanUpdate,
    async (submission) => {
      await untilProjected(plan.submit(submission, new Date(), currentUpdateInfo()?.id));
      return plan.status();
    },
    { validator: (submission) => refuse(plan.refuseSubmission(submission)) },
  );
  setHandler(
    decideReviewUpdate,
    async (decision) => {
      await untilProjected(plan.decide(decision, new Date(), currentUpdateInfo()?.id));
      return plan.status();
    },
    { validator: (decision) => refuse(plan.refuseDecision(decision)) },
  );

  while (!plan.isFinished()) {
    await condition(() => plan.nextUnprojected() !== undefined || plan.needsDocumentSync());
    const transition = plan.nextUnprojected();
    if (transition) {
      await activities.recordPlanTransition({ planId: input.planId, transition, submission: plan.submissionFor(transition) });
      plan.markProjected(transition.sequence);
    } else {
      const status = plan.status();
      const summary = await activities.syncPlanToRkpd({ planId: input.planId, submission: status.submission! });
      plan.completeDocumentSync(summary, new Date());
    }
  }
  if (plan.needsDocumentWithdrawal()) {
    plan.recordWithdrawal(await activities.withdrawPlanFromDocuments({ planId: input.planId, revision: plan.status().revision }));
  }
  await condition(allHandlersFinished);
  return plan.status();
}
