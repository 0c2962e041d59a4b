// Review tasks as a list, overdue ones marked; optionally grouped under their stage.
import { Link } from 'react-router';
import { AGREEMENT_STAGE_INFO, type AgreementStage } from '../../../../domain/agreement-stage';
import { useCalendar, useLabel, zoneOf } from '../api/hooks';
import type { ReviewTask } from '../api/types';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { MESSAGES, type MessageKey } from '../i18n/messages';

export const isOverdue = (task: ReviewTask) => Boolean(task.dueAt && new Date(task.dueAt) < new Date());

export function TaskList({ tasks, groupByStage = false, keepOrder = false }: { tasks: ReviewTask[]; groupByStage?: boolean; keepOrder?: boolean }) {
  const { t } = useI18n();
  const label = useLabel();
  if (tasks.length === 0) return <p>{t('noTasks')}</p>;
  // Overdue first, then by due date (tasks without one last), as the API sorts them; another chosen order is kept.
  const sorted = keepOrder ? tasks : [...tasks].sort((a, b) => Number(isOverdue(b)) - Number(isOverdue(a)));
  if (!groupByStage) return <TaskItems tasks={sorted} />;
  const stages = [...new Set(sorted.map((task) => task.stage))];
  return (
    <>
      {stages.map((stage) => (
        <div key={stage}>
          <h3>{label('planStages', stage)}</h3>
          <TaskItems tasks={sorted.filter((task) => task.stage === stage)} />
        </div>
      ))}
    </>
  );
}

function TaskItems({ tasks }: { tasks: ReviewTask[] }) {
  const { t, lang, pick } = useI18n();
  const label = useLabel();
  return (
    <ul className="tasks">
      {tasks.map((task) => (
        <li key={task.id} className={!task.closedAt && isOverdue(task) ? 'overdue' : undefined}>
          <Link to={task.subject === 'AGREEMENT' && task.agreementId ? `/agreements/${task.agreementId}` : `/plans/${task.planId}`}>{task.planTitle}</Link>
          <span className="meta">
            {task.subject === 'AGREEMENT' && task.agreementStage && task.agreementStage in AGREEMENT_STAGE_INFO
              ? pick(AGREEMENT_STAGE_INFO[task.agreementStage as AgreementStage].label)
              : label('planStages', task.stage)}{' '}
            · {task.proposingAgency} · {t('revision')} {task.revision} · {task.assigneeName ?? t('unassigned')}
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
