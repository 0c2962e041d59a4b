// One cooperation plan's process, from first submission to COMPLETED or REJECTED.
// Human actions arrive as Updates (refused by their validators before they reach
// history when they do not fit). An Update changes the state and answers at once with the
// new status (a versioned snapshot) and the changes the read model does not show yet: no
// second dispatch. The API writes those once the Update has returned (its workflow task is
// committed by then); the main loop projects every change too, in order, with ordinary
// activities, not local ones: a projection must only show what the workflow has committed
// to its history (persistence/plan-projection.ts makes the two writers agree).
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { PlanActivities } from '../../activities';
import { DATABASE_ACTIVITY } from '../shared/activity-options';
import { DOCUMENTS_AT_PLANNING } from '../../domain/planning-document';
import type { Violation } from '../../domain/violation';
import {
  REFUSED_FAILURE_TYPE,
  calendarChangedSignal,
  castVoteUpdate,
  claimTaskUpdate,
  decideReviewUpdate,
  delegateTaskUpdate,
  planStatusQuery,
  reassignTaskUpdate,
  releaseTaskUpdate,
  submitPlanUpdate,
  takeBackTaskUpdate,
  withdrawPlanUpdate,
  type PlanChange,
  type PlanStatus,
  type PlanWorkflowInput,
  type TaskCommand,
} from './definitions';
import { TaskEventKind } from '../../domain/review-task';
import { PlanProcess, type OutboxItem } from './plan-process';
import { workNotices } from './work-notices';
import { dispatchNotification } from '../notification/dispatch';
import type { PlanSubmission } from '../../domain/plan-transition';
import { StageTimelineRunner } from './stage-timeline';
import { StatusVersions, projectStatus } from './status-projection';
import { searchAttributesOf } from './search-attributes';

const activities = proxyActivities<PlanActivities>(DATABASE_ACTIVITY);

/** Once a change is in the read model (so its link opens), the people whose work it is hear of it. */
async function tellPeople(planId: string, item: OutboxItem, submission: PlanSubmission | undefined): Promise<void> {
  for (const notice of workNotices(planId, item, submission)) await dispatchNotification(notice);
}

function refuse(violation: Violation | undefined): void {
  if (violation) throw ApplicationFailure.create({ type: REFUSED_FAILURE_TYPE, message: violation.message.en, details: [violation], nonRetryable: true });
}

export async function cooperationPlanWorkflow(input: PlanWorkflowInput): Promise<PlanStatus> {
  const plan = new PlanProcess(input.planId);
  const timeline = new StageTimelineRunner(input.planId, plan);
  const liveStatus = (): PlanStatus => ({ ...plan.status(), timeline: timeline.status() });
  const versions = new StatusVersions(liveStatus);
  /** An Update's answer: the status now and what the read model does not show yet. */
  const answer = (): PlanChange => ({ snapshot: versions.take(), pending: plan.unprojected() });
  const requestId = () => currentUpdateInfo()?.id;

  setHandler(planStatusQuery, liveStatus);
  setHandler(calendarChangedSignal, () => timeline.calendarChanged());
  const timelineRun = timeline.run();
  let ended = false;
  const statusRun = projectStatus(input.planId, versions, () => ended);
  setHandler(
    submitPlanUpdate,
    (submission) => {
      plan.submit(submission, new Date(), requestId());
      return answer();
    },
    { validator: (submission) => refuse(plan.refuseSubmission(submission)) },
  );
  setHandler(
    decideReviewUpdate,
    (decision) => {
      plan.decide(decision, new Date(), requestId());
      return answer();
    },
    { validator: (decision) => refuse(plan.refuseDecision(decision)) },
  );
  setHandler(
    withdrawPlanUpdate,
    ({ actor }) => {
      plan.withdraw(actor, new Date(), requestId());
      return answer();
    },
    { validator: ({ actor }) => refuse(plan.refuseWithdrawal(actor)) },
  );
  const taskCommands: Array<[UpdateDefinition<PlanChange, [TaskCommand]>, TaskEventKind]> = [
    [claimTaskUpdate, TaskEventKind.CLAIMED],
    [releaseTaskUpdate, TaskEventKind.RELEASED],
    [reassignTaskUpdate, TaskEventKind.REASSIGNED],
    [delegateTaskUpdate, TaskEventKind.DELEGATED],
    [takeBackTaskUpdate, TaskEventKind.TAKEN_BACK],
  ];
  for (const [update, kind] of taskCommands) {
    setHandler(
      update,
      (command) => {
        plan.applyTaskCommand(kind, command, new Date());
        return answer();
      },
      { validator: (command) => refuse(plan.refuseTaskCommand(kind, command)) },
    );
  }
  setHandler(
    castVoteUpdate,
    ({ actor, vote, comment }) => {
      plan.castVote(actor, vote, comment, new Date());
      return answer();
    },
    { validator: ({ actor }) => refuse(plan.refuseVote(actor)) },
  );

  // Notices go out in order behind the projection; starting their workflows waits for the
  // server, which must not hold up the next projection or automatic step.
  let notices: Promise<void> = Promise.resolve();
  const tell = (item: OutboxItem) => {
    const submission = plan.status().submission;
    notices = notices.then(() => tellPeople(input.planId, item, submission));
  };
  // Operators filter plans by stage, region, year, type and assignee in Temporal's own tools.
  let published = '';
  const publish = () => {
    const attributes = searchAttributesOf(plan.status());
    const key = JSON.stringify(attributes.map(({ value }) => value));
    if (key === published) return;
    published = key;
    upsertSearchAttributes(attributes);
  };

  while (!plan.isFinished()) {
    await condition(
      () => plan.nextUnprojected() !== undefined || plan.needsDocumentSync() || plan.needsDeliberationPanel() || plan.nextDocumentSync() !== undefined,
    );
    const item = plan.nextUnprojected();
    if (item?.kind === 'transition') {
      await activities.recordPlanTransition({ planId: input.planId, transition: item.transition, submission: item.submission });
      plan.markProjected();
      publish();
      tell(item);
    } else if (item?.kind === 'task') {
      await activities.recordTaskEvent({ planId: input.planId, event: item.event });
      plan.markProjected();
      publish();
      tell(item);
    } else if (item?.kind === 'vote') {
      await activities.recordVote(item.event);
      plan.markProjected();
    } else if (plan.needsDeliberationPanel()) {
      plan.openDeliberation(await activities.loadDeliberationPanel({ planId: input.planId }));
    } else if (plan.needsDocumentSync()) {
      const submission = plan.status().submission!;
      // RKPD then Renja (the calendar's order) in one idempotent activity: the next task
      // opens after one round trip to a worker rather than two.
      const summaries = await activities.syncPlanToDocuments({ planId: input.planId, kinds: DOCUMENTS_AT_PLANNING, submission });
      const flagged = summaries.reduce((sum, summary) => sum + (summary.flaggedLines ?? 0), 0);
      plan.completeDocumentSync(summaries[summaries.length - 1], new Date(), flagged);
    } else {
      const sync = plan.nextDocumentSync()!;
      plan.completePendingSync(await activities.syncPlanToDocument({ planId: input.planId, ...sync }));
    }
  }
  if (plan.needsDocumentWithdrawal()) {
    plan.recordWithdrawal(await activities.withdrawPlanFromDocuments({ planId: input.planId, revision: plan.status().revision }));
  }
  await notices;
  await timelineRun;
  ended = true;
  await statusRun;
  await condition(allHandlersFinished);
  return plan.status();
}
