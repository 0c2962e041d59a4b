// The plan's path against its budget year's calendar, as a picture: stage entries above
// the axis, calendar milestones below, today and the open task's due date as lines.
import { useCalendar, useLabel, zoneOf } from '../api/hooks';
import type { Plan } from '../api/types';
import { DaysOffStatus } from '../components/DaysOffStatus';
import { TimelinePicture } from '../components/TimelinePicture';
import { localDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { MilestoneRules } from './MilestoneRules';
import { StageDeadlineView } from './StageDeadlineView';

export function PlanTimeline({ plan }: { plan: Plan }) {
  const { t, pick } = useI18n();
  const label = useLabel();
  const calendar = useCalendar(plan.regionCode, plan.budgetYear);
  const zone = zoneOf(plan.regionCode);
  const dueAt = plan.timeline?.deadline.dueAt;

  const today = localDate(new Date().toISOString(), zone);
  const entries = plan.history.map((h) => ({ date: localDate(h.occurredAt, zone), text: label('planStages', h.toStage) }));
  const milestones = (calendar.data?.milestones ?? []).map((m) => ({ date: m.date, text: pick(m.label) }));
  const due = plan.timeline?.deadline.dueDate;
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline')}</h2>
      <TimelinePicture
        entries={entries}
        milestones={milestones}
        today={today}
        due={due}
        dueAt={dueAt}
        span={[localDate(plan.createdAt, zone)]}
        milestonesLabel={t('nextMilestones')}
      />
      {plan.timeline && <StageDeadlineView timeline={plan.timeline} milestones={calendar.data?.milestones ?? []} />}
      {calendar.data && <MilestoneRules milestones={calendar.data.milestones} />}
      {calendar.data && <DaysOffStatus years={calendar.data.daysOffYears} />}
      {!due && plan.stage !== 'DRAFT' && plan.stage !== 'COMPLETED' && plan.stage !== 'REJECTED' && <p className="hint">{t('noDueDates')}</p>}
    </section>
  );
}
