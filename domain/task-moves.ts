// The rules of a review task's assignment moves (claim, release, reassign, delegate, take
// back), shared by every process that hands out tasks through the one inbox: a plan's
// review stages and an agreement's steps.
import type { Actor } from './actor';
import { text } from './message';
import { TaskEventKind, type TaskAssignmentOf } from './review-task';
import type { Violation } from './violation';

const refusal = (field: string, reason: string, id: string, en: string): Violation => ({ field, reason, message: text(id, en) });

export interface TaskMove {
  actor: Actor;
  /** For a reassignment or delegation: the user who gets the task. */
  to?: Actor;
  reason?: string;
}

/**
 * Why a move of the open task is refused, or undefined when it may go ahead.
 * `refuseHolder` says why a user may not hold the task (the role it needs, or a process
 * rule such as "not your own plan"), on the field named.
 */
export function refuseTaskMove(
  kind: TaskEventKind,
  move: TaskMove,
  task: TaskAssignmentOf<string>,
  refuseHolder: (user: Actor, field: 'actor' | 'to') => Violation | undefined,
): Violation | undefined {
  const { actor, to } = move;
  const assignee = task.assignee;
  switch (kind) {
    case TaskEventKind.CLAIMED:
      if (assignee) {
        return refusal('task', 'ALREADY_CLAIMED', `Tugas sudah diambil oleh ${assignee.name}.`, `The task was already claimed by ${assignee.name}.`);
      }
      return refuseHolder(actor, 'actor');
    case TaskEventKind.RELEASED:
      return assignee?.userId === actor.userId ? undefined : notAssignee();
    case TaskEventKind.REASSIGNED:
    case TaskEventKind.DELEGATED: {
      if (!move.reason?.trim() && kind === TaskEventKind.REASSIGNED) {
        return refusal('reason', 'REQUIRED', 'Alasan pengalihan wajib diisi.', 'A reason for the reassignment is required.');
      }
      if (!to) return refusal('to', 'REQUIRED', 'Pengguna tujuan wajib diisi.', 'The receiving user is required.');
      if (to.userId === actor.userId)
        return refusal('to', 'SAME_USER', 'Tugas tidak dapat dialihkan kepada diri sendiri.', 'A task cannot be passed to yourself.');
      // A held task is passed on by its holder; an unclaimed one may be reassigned by anyone of its role.
      const mayPass = assignee ? assignee.userId === actor.userId : kind === TaskEventKind.REASSIGNED && actor.roles.includes(task.candidateRole);
      if (!mayPass) return notAssignee();
      return refuseHolder(to, 'to');
    }
    case TaskEventKind.TAKEN_BACK:
      return task.delegatedFrom?.userId === actor.userId
        ? undefined
        : refusal('task', 'NOT_DELEGATED_BY_YOU', 'Tugas ini tidak Anda delegasikan.', 'You did not delegate this task.');
  }
}

/** Only the task's assignee may do this. */
export function notAssignee(): Violation {
  return refusal('task', 'NOT_ASSIGNEE', 'Hanya pemegang tugas yang dapat melakukan ini.', 'Only the task’s assignee may do this.');
}
