// The open stage's due date in words: the date, what sets it (the calendar milestone the
// stage serves, or its service period in working days) and whether it was escalated.
import type { Milestone, StageTimeline } from '../api/types';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';

export function StageDeadlineView({ timeline, milestones }: { timeline: StageTimeline; milestones: Milestone[] }) {
  const { t, pick, lang } = useI18n();
  const { deadline } = timeline;
  const milestone = milestones.find((m) => m.code === deadline.milestone.code);
  const milestoneName = milestone ? pick(milestone.label) : deadline.milestone.code;
  const basis =
    deadline.basis === 'MILESTONE'
      ? `${t('basisMilestone')}: ${milestoneName} (${formatDate(deadline.milestone.date, lang)})`
      : `${t('basisServicePeriod').replace('{n}', String(deadline.serviceWorkingDays))}`;
  return (
    <dl className="deadline" data-testid="stage-deadline">
      <div>
        <dt>{t('stageDue')}</dt>
        <dd>
          <time dateTime={deadline.dueAt}>{formatDate(deadline.dueDate, lang)}</time>
          {timeline.escalated && <strong className="badge escalated"> {t('escalated')}</strong>}
        </dd>
      </div>
      <div>
        <dt>{t('dueBasis')}</dt>
        <dd data-testid="due-basis">{basis}</dd>
      </div>
    </dl>
  );
}
