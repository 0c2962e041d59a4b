// The plan's path against its budget year's calendar, as a picture: stage entries above
// the axis, calendar milestones below, today and the open task's due date as lines.
import { useCalendar, useLabel, zoneOf } from '../api/hooks';
import type { Plan } from '../api/types';
import { DaysOffStatus } from '../components/DaysOffStatus';
import { formatDate, localDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { MilestoneRules } from './MilestoneRules';
import { StageDeadlineView } from './StageDeadlineView';

const WIDTH = 800;
const PAD = 24;
const DAY = 86_400_000;

export function PlanTimeline({ plan }: { plan: Plan }) {
  const { t, pick, lang } = useI18n();
  const label = useLabel();
  const calendar = useCalendar(plan.regionCode, plan.budgetYear);
  const zone = zoneOf(plan.regionCode);
  const dueAt = plan.timeline?.deadline.dueAt;

  const today = localDate(new Date().toISOString(), zone);
  const entries = plan.history.map((h) => ({ date: localDate(h.occurredAt, zone), text: label('planStages', h.toStage) }));
  const milestones = (calendar.data?.milestones ?? []).map((m) => ({ date: m.date, text: pick(m.label) }));
  const due = plan.timeline?.deadline.dueDate;
  const all = [localDate(plan.createdAt, zone), today, ...entries.map((e) => e.date), ...milestones.map((m) => m.date), ...(due ? [due] : [])];
  const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const min = Math.min(...all.map(toMs)) - 7 * DAY;
  const max = Math.max(...all.map(toMs)) + 7 * DAY;
  const x = (d: string) => PAD + ((toMs(d) - min) / (max - min)) * (WIDTH - 2 * PAD);
  const summary = [...entries.map((e) => `${formatDate(e.date, lang)}: ${e.text}`), ...(due ? [`${t('stageDue')}: ${formatDate(due, lang)}`] : [])].join('; ');

  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline')}</h2>
      <svg className="timeline" viewBox={`0 0 ${WIDTH} 150`} role="img" aria-label={summary || t('timeline')}>
        <line x1={PAD} x2={WIDTH - PAD} y1={75} y2={75} className="axis" />
        {milestones.map((m, i) => (
          <g key={`m${i}`} transform={`translate(${x(m.date)},75)`}>
            <rect x={-4} y={-4} width={8} height={8} transform="rotate(45)" className="milestone" />
            <title>{`${formatDate(m.date, lang)}: ${m.text}`}</title>
            <text y={i % 2 ? 44 : 26} textAnchor="middle" className="tl-small">
              {formatDate(m.date, lang).replace(/ \d{4}$/, '')}
            </text>
          </g>
        ))}
        {entries.map((e, i) => (
          <g key={`e${i}`} transform={`translate(${x(e.date)},75)`}>
            <circle r={6} className="entry" />
            <title>{`${formatDate(e.date, lang)}: ${e.text}`}</title>
          </g>
        ))}
        <g transform={`translate(${x(today)},0)`}>
          <line y1={12} y2={138} className="today" />
          <text y={10} textAnchor="middle" className="tl-label">
            {t('today')}
          </text>
        </g>
        {due && (
          <g transform={`translate(${x(due)},0)`}>
            <line y1={30} y2={120} className="due" />
            <text y={134} textAnchor="middle" className="tl-label due-text">
              {t('stageDue')}
            </text>
          </g>
        )}
      </svg>
      <ul className="legend">
        <li>
          <span className="key entry" aria-hidden="true" /> {t('history')}
        </li>
        <li>
          <span className="key milestone" aria-hidden="true" /> {t('nextMilestones')}
        </li>
        {due && (
          <li>
            <span className="key due" aria-hidden="true" /> {t('stageDue')}: <time dateTime={dueAt}>{formatDate(due, lang)}</time>
          </li>
        )}
      </ul>
      {plan.timeline && <StageDeadlineView timeline={plan.timeline} milestones={calendar.data?.milestones ?? []} />}
      {calendar.data && <MilestoneRules milestones={calendar.data.milestones} />}
      {calendar.data && <DaysOffStatus years={calendar.data.daysOffYears} />}
      {!due && plan.stage !== 'DRAFT' && plan.stage !== 'COMPLETED' && plan.stage !== 'REJECTED' && <p className="hint">{t('noDueDates')}</p>}
    </section>
  );
}
