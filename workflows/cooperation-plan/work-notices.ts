// Who hears about a change to a plan's work, once it is in the read model: the role a
// review task opens for, the person a task is passed to or taken from, the officer whose
// plan comes back, is rejected or completes. Pure; each notice's key is unique to the
// change (transition sequence, task version), so a replay or retry tells nobody twice.
import { STAGE_ROLE } from '../../domain/access-policy';
import { NotificationTemplate, type NotificationRequest } from '../../domain/notification';
import { PlanStage, isReviewStage } from '../../domain/plan-stage';
import type { PlanSubmission } from '../../domain/plan-transition';
import { TaskEventKind } from '../../domain/review-task';
import { Role } from '../../domain/role';
import { TransitionAction } from '../../domain/plan-transition';
import type { OutboxItem } from './plan-process';

export function workNotices(planId: string, item: OutboxItem, submission: PlanSubmission | undefined): NotificationRequest[] {
  if (!submission || item.kind === 'vote') return [];
  const regionCode = submission.content.regionCode;
  const planTitle = submission.content.title;
  const common = { regionCode, planId };
  if (item.kind === 'task') {
    const { event } = item;
    const key = `plan:${planId}:task-v${event.task.version}`;
    const params = { planTitle, stage: event.task.stage, actorName: event.actor.name };
    if ((event.kind === TaskEventKind.REASSIGNED || event.kind === TaskEventKind.DELEGATED) && event.task.assignee) {
      return [
        {
          ...common,
          key: `${key}:assigned`,
          template: NotificationTemplate.TASK_ASSIGNED,
          recipients: { userIds: [event.task.assignee.userId] },
          params: { ...params, how: event.kind, reason: event.reason ?? null },
        },
      ];
    }
    if (event.kind === TaskEventKind.TAKEN_BACK && event.previousAssignee) {
      return [
        {
          ...common,
          key: `${key}:taken-back`,
          template: NotificationTemplate.TASK_TAKEN_BACK,
          recipients: { userIds: [event.previousAssignee.userId] },
          params,
        },
      ];
    }
    return [];
  }
  const { transition } = item;
  const key = `plan:${planId}:s${transition.sequence}`;
  const params = { planTitle, stage: transition.fromStage, actorName: transition.actor, comment: transition.comment ?? null, revision: transition.revision };
  const officer = { userIds: [submission.submitterId] };
  const role = STAGE_ROLE[transition.toStage];
  if (isReviewStage(transition.toStage) && role) {
    // At the TKKSD the members vote before the chair recommends: both hear of it.
    const roles = [{ role, regionCode }, ...(transition.toStage === PlanStage.TKKSD_DELIBERATION ? [{ role: Role.TKKSD_MEMBER, regionCode }] : [])];
    return [
      {
        ...common,
        key: `${key}:arrived`,
        template: NotificationTemplate.TASK_ARRIVED,
        recipients: { roles },
        params: { ...params, stage: transition.toStage, revision: transition.resultingRevision },
      },
    ];
  }
  if (transition.action === TransitionAction.RETURN_FOR_REVISION) {
    return [{ ...common, key: `${key}:returned`, template: NotificationTemplate.PLAN_RETURNED, recipients: officer, params }];
  }
  if (transition.toStage === PlanStage.REJECTED) {
    return [{ ...common, key: `${key}:rejected`, template: NotificationTemplate.PLAN_REJECTED, recipients: officer, params }];
  }
  if (transition.toStage === PlanStage.COMPLETED) {
    return [{ ...common, key: `${key}:completed`, template: NotificationTemplate.PLAN_COMPLETED, recipients: officer, params }];
  }
  return [];
}
