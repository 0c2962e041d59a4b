import { renderNotification } from '../../domain/notification-templates';
import { PlanStage } from '../../domain/plan-stage';
import { TaskEventKind } from '../../domain/review-task';
import { Role } from '../../domain/role';
import { TransitionAction, type PlanSubmission, type PlanTransition } from '../../domain/plan-transition';
import { completePlanContent, factsForCompletePlan } from '../../test/support/plan-content-fixtures';
import type { OutboxItem } from './plan-process';
import { workNotices } from './work-notices';

const content = completePlanContent();
const submission: PlanSubmission = {
  revision: 2,
  draftVersion: 3,
  content,
  facts: factsForCompletePlan(),
  submittedBy: 'Siti Rahma',
  submitterId: 'u-officer',
};
const SEC = { userId: 'u-sec-1', name: 'Budi Santoso' };
const SEC2 = { userId: 'u-sec-2', name: 'Rina Wati' };

const move = (fromStage: PlanStage, toStage: PlanStage, action: string, extra: Partial<PlanTransition> = {}): OutboxItem => ({
  kind: 'transition',
  transition: {
    sequence: 4,
    fromStage,
    toStage,
    action: action as PlanTransition['action'],
    revision: 2,
    resultingRevision: 2,
    actor: 'Budi Santoso',
    occurredAt: '2026-12-02T03:00:00.000Z',
    ...extra,
  },
});

const taskEvent = (kind: TaskEventKind, assignee = SEC2, previousAssignee: typeof SEC | undefined = SEC, reason?: string): OutboxItem => ({
  kind: 'task',
  event: {
    kind,
    actor: SEC,
    task: { stage: PlanStage.VERIFICATION, openSequence: 3, candidateRole: Role.SECRETARIAT, version: 7, assignee },
    ...(previousAssignee && { previousAssignee }),
    reason,
    occurredAt: '2026-12-02T03:00:00.000Z',
  },
});

describe('workNotices', () => {
  it('tells every holder of the role when a task arrives for it, and the TKKSD members too at the deliberation', () => {
    const [arrived] = workNotices('p1', move(PlanStage.DRAFT, PlanStage.VERIFICATION, TransitionAction.SUBMIT), submission);
    expect(arrived).toMatchObject({
      key: 'plan:p1:s4:arrived',
      template: 'TASK_ARRIVED',
      regionCode: content.regionCode,
      planId: 'p1',
      recipients: { roles: [{ role: Role.SECRETARIAT, regionCode: content.regionCode }] },
      params: { planTitle: content.title, stage: 'VERIFICATION' },
    });
    const [tkksd] = workNotices('p1', move(PlanStage.BAPPEDA_REVIEW, PlanStage.TKKSD_DELIBERATION, 'APPROVE'), submission);
    expect(tkksd.recipients.roles?.map((r) => r.role)).toEqual([Role.SEKDA, Role.TKKSD_MEMBER]);
    // TAPD hears of the sign-off the document sync opens, though no person moved it.
    const [tapd] = workNotices('p1', move(PlanStage.DOCUMENT_SYNC, PlanStage.BUDGET_SIGNOFF, TransitionAction.SYNC_DOCUMENTS), submission);
    expect(tapd.recipients.roles?.map((r) => r.role)).toEqual([Role.TAPD]);
  });

  it('tells the officer when the plan is returned, rejected or completed, with the reviewer’s comment', () => {
    const returned = workNotices('p1', move(PlanStage.VERIFICATION, PlanStage.DRAFT, 'RETURN_FOR_REVISION', { comment: 'Lengkapi KAK' }), submission);
    expect(returned).toEqual([expect.objectContaining({ key: 'plan:p1:s4:returned', template: 'PLAN_RETURNED', recipients: { userIds: ['u-officer'] } })]);
    expect(renderNotification(returned[0].template, returned[0].params, content.regionCode).body).toContain('Lengkapi KAK');
    expect(workNotices('p1', move(PlanStage.VERIFICATION, PlanStage.REJECTED, 'REJECT', { comment: 'x' }), submission)[0]).toMatchObject({
      template: 'PLAN_REJECTED',
      recipients: { userIds: ['u-officer'] },
    });
    expect(workNotices('p1', move(PlanStage.RKA_CONFIRMATION, PlanStage.COMPLETED, 'APPROVE'), submission)[0].template).toBe('PLAN_COMPLETED');
  });

  it('tells the person a task is reassigned or delegated to, and the delegate a take-back leaves without it', () => {
    const [reassigned] = workNotices('p1', taskEvent(TaskEventKind.REASSIGNED, SEC2, SEC, 'Cuti'), submission);
    expect(reassigned).toMatchObject({ key: 'plan:p1:task-v7:assigned', template: 'TASK_ASSIGNED', recipients: { userIds: ['u-sec-2'] } });
    const text = renderNotification(reassigned.template, reassigned.params, content.regionCode);
    expect(text.title).toContain('dialihkan');
    expect(text.body).toContain('Alasan: Cuti');
    const [delegated] = workNotices('p1', taskEvent(TaskEventKind.DELEGATED), submission);
    expect(renderNotification(delegated.template, delegated.params, content.regionCode).title).toContain('didelegasikan');
    const [takenBack] = workNotices('p1', taskEvent(TaskEventKind.TAKEN_BACK, SEC, SEC2), submission);
    expect(takenBack).toMatchObject({ key: 'plan:p1:task-v7:taken-back', template: 'TASK_TAKEN_BACK', recipients: { userIds: ['u-sec-2'] } });
  });

  it('stays quiet about claims, releases, votes, approvals between people and withdrawals', () => {
    expect(workNotices('p1', taskEvent(TaskEventKind.CLAIMED), submission)).toEqual([]);
    expect(workNotices('p1', taskEvent(TaskEventKind.RELEASED, undefined as never), submission)).toEqual([]);
    expect(workNotices('p1', move(PlanStage.HEAD_OF_REGION_APPROVAL, PlanStage.DOCUMENT_SYNC, 'APPROVE'), submission)).toEqual([]);
    expect(workNotices('p1', move(PlanStage.VERIFICATION, PlanStage.DRAFT, TransitionAction.WITHDRAW), submission)).toEqual([]);
  });
});
