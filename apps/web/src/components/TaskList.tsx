// Review tasks as a list, overdue ones marked; optionally grouped under their stage.
import { Link } from 'react-router';
import { AGREEMENT_STAGE_INFO, AGREEMENT_STAGE_KEY_PREFIX, type AgreementStage } from '../../../../domain/agreement-stage';
import { useCalendar, useLabel, zoneOf } from '../api/hooks';
import type { ReviewTask } from '../api/types';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { MESSAGES, type MessageKey } from '../i18n/messages';

export const isOverdue = (task: ReviewTask) => Boolean(task.dueAt && new Date(task.dueAt) < new Date());

/** The stage a task counts under: an agreement's task under its agreement stage (`AGREEMENT:KB_SIGNING`), not the plan's COMPLETED. */
const stageKey = (task: ReviewTask) =>
  task.subject === 'AGREEMENT' && task.agreementStage ? `${AGREEMENT_STAGE_KEY_PREFIX}${task.agreementStage}` : task.stage;

/** A stage's name for a key of the inbox's counts or a task's stage: a plan stage, or an agreement stage (domain/agreement-stage.ts). */
export function useStageKeyLabel() {
  const { pick } = useI18n();
  const label = useLabel();
  return (key: string) => {
    const agreementStage = key.startsWith(AGREEMENT_STAGE_KEY_PREFIX) ? key.slice(AGREEMENT_STAGE_KEY_PREFIX.length) : null;
    if (agreementStage === null) return label('planStages', key);
    return agreementStage in AGREEMENT_STAGE_INFO ? pick(AGREEMENT_STAGE_INFO[agreementStage as AgreementStage].label) : agreementStage;
  };
}

export function TaskList({ tasks, groupByStage = false, keepOrder = false }: { tasks: ReviewTask[]; groupByStage?: boolean; keepOrder?: boolean }) {
  const { t } = useI18n();
  const stageName = useStageKeyLabel();
  if (tasks.length === 0) return <p>{t('noTasks')}</p>;
  // Overdue first, then by due date (tasks without one last), as the API sorts them; another chosen order is kept.
  const sorted = keepOrder ? tasks : [...tasks].sort((a, b) => Number(isOverdue(b)) - Number(isOverdue(a)));
  if (!groupByStage) return <TaskItems tasks={sorted} />;
  const stages = [...new Set(sorted.map(stageKey))];
  return (
    <>
      {stages.map((stage) => (
        <div key={stage}>
          <h3>{stageName(stage)}</h3>
          <TaskItems tasks={sorted.filter((task) => stageKey(task) === stage)} />
        </div>
      ))}
    </>
  );
}

function TaskItems({ tasks }: { tasks: ReviewTask[] }) {
  const { t, lang } = useI18n();
  const stageName = useStageKeyLabel();
  return (
    <ul className="tasks">
      {tasks.map((task) => (
        <li key={task.id} className={!task.closedAt && isOverdue(task) ? 'overdue' : undefined}>
          <Link to={task.subject === 'AGREEMENT' && task.agreementId ? `/agreements/${task.agreementId}` : `/plans/${task.planId}`}>{task.planTitle}</Link>
          <span className="meta">
            {stageName(stageKey(task))} · {task.proposingAgency}
            {/* An agreement's task belongs to no plan revision. */}
            {task.subject !== 'AGREEMENT' && ` · ${t('revision')} ${task.revision}`} · {task.assigneeName ?? t('unassigned')}
            {task.closedAt && (
              <>
                {' '}
                · {task.decision && `action${task.decision}` in MESSAGES ? t(`action${task.decision}` as MessageKey) : t('done')} ·{' '}
                <time dateTime={task.closedAt}>{formatDateTime(task.closedAt, lang, zoneOf(task.regionCode))}</time>
              </>
            )}
            {!task.closedAt && task.dueAt && (
              <>
                {' '}
                · {t('dueAt')} <time dateTime={task.dueAt}>{formatDateTime(task.dueAt, lang, zoneOf(task.regionCode))}</time>
              </>
            )}
            {!task.closedAt && task.dueBasis && (
              <>
                {' '}
                ({t(task.dueBasis === 'MILESTONE' ? 'basisMilestoneShort' : 'basisServiceShort')}: <DueSource task={task} />)
              </>
            )}
            {!task.closedAt && isOverdue(task) && <strong className="overdue-flag"> {t('overdue')}</strong>}
            {task.escalatedAt && (
              <>
                {' '}
                <strong className="badge escalated" data-testid="escalated">
                  {t('escalatedBadge')}
                </strong>
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Where a task's due date comes from: the milestone's regulation and article (or practice), or the service-period setting. */
function DueSource({ task }: { task: ReviewTask }) {
  const { t } = useI18n();
  const calendar = useCalendar(task.dueBasis === 'MILESTONE' ? task.regionCode : '', task.budgetYear);
  if (task.dueBasis !== 'MILESTONE') {
    return <span data-testid="due-source">{t(task.subject === 'AGREEMENT' ? 'agreementServiceSourceShort' : 'serviceSourceShort')}</span>;
  }
  const milestone = calendar.data?.milestones.find((m) => m.code === task.milestone);
  return <span data-testid="due-source">{milestone ? (milestone.basis.legalBasis ?? t('practiceDefault')) : '…'}</span>;
}
