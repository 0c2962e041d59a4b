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
  // Every deadline names its source: the milestone's regulation and article (or practice,
  // a configurable default), or the service period's setting and where its default comes from.
  const source =
    deadline.basis === 'MILESTONE'
      ? milestone && `${milestone.basis.legalBasis ?? t('practiceDefault')} (${milestone.basis.verified ? t('ruleVerified') : t('ruleConfigurable')})`
      : t(timeline.deadline.stage === 'DPRD_APPROVAL' ? 'serviceSourceDprd' : 'serviceSource');
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
      <div>
        <dt>{t('dueSource')}</dt>
        <dd data-testid="due-source">{source ?? '…'}</dd>
      </div>
    </dl>
  );
}
