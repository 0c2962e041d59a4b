// The review task of a plan's open stage: who may take it, who holds it, and the
// moves of its assignment (claim, release, reassign, delegate, take back).
import type { Person } from './actor';
import type { PlanStage } from './plan-stage';
import type { Role } from './role';

/** Who holds the open review task of the current stage (of a plan, or of an agreement). */
export interface TaskAssignmentOf<Stage extends string> {
  stage: Stage;
  /** The transition that opened the task. */
  openSequence: number;
  candidateRole: Role;
  assignee?: Person;
  /** While delegated: the assignee who delegated it and may take it back. */
  delegatedFrom?: Person;
  /** Bumped by every assignment change, so projections apply in order. */
  version: number;
}
export type TaskAssignment = TaskAssignmentOf<PlanStage>;

export const TaskEventKind = {
  CLAIMED: 'CLAIMED',
  RELEASED: 'RELEASED',
  REASSIGNED: 'REASSIGNED',
  DELEGATED: 'DELEGATED',
  TAKEN_BACK: 'TAKEN_BACK',
} as const;
export type TaskEventKind = (typeof TaskEventKind)[keyof typeof TaskEventKind];

export interface TaskEventOf<Stage extends string> {
  kind: TaskEventKind;
  actor: Person;
  task: TaskAssignmentOf<Stage>;
  /** Who held the task before this move (the delegate a take-back leaves without it). */
  previousAssignee?: Person;
  reason?: string;
  occurredAt: string;
}
export type TaskEvent = TaskEventOf<PlanStage>;
