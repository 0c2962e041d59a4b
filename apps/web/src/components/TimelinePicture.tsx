// A process against its calendar, as a picture: its entries (stage moves) on the axis,
// dated milestones as diamonds, today and the open task's due date as lines. The plan page
// and the agreement page draw their timelines with it, so both read the same way.
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';

const WIDTH = 800;
const PAD = 24;
const DAY = 86_400_000;

export interface TimelinePoint {
  /** Local date (YYYY-MM-DD) in the region's zone. */
  date: string;
  text: string;
}

export interface TimelinePictureProps {
  entries: TimelinePoint[];
  milestones: TimelinePoint[];
  today: string;
  /** The open task's due date, if any. */
  due?: string;
  dueAt?: string;
  /** Extra dates the axis must reach (e.g. the plan's creation). */
  span?: string[];
  milestonesLabel: string;
}

export function TimelinePicture({ entries, milestones, today, due, dueAt, span = [], milestonesLabel }: TimelinePictureProps) {
  const { t, lang } = useI18n();
  const all = [...span, today, ...entries.map((e) => e.date), ...milestones.map((m) => m.date), ...(due ? [due] : [])];
  const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const min = Math.min(...all.map(toMs)) - 7 * DAY;
  const max = Math.max(...all.map(toMs)) + 7 * DAY;
  const x = (d: string) => PAD + ((toMs(d) - min) / (max - min)) * (WIDTH - 2 * PAD);
  const summary = [...entries.map((e) => `${formatDate(e.date, lang)}: ${e.text}`), ...(due ? [`${t('stageDue')}: ${formatDate(due, lang)}`] : [])].join('; ');
  return (
    <>
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
          <span className="key milestone" aria-hidden="true" /> {milestonesLabel}
        </li>
        {due && (
          <li>
            <span className="key due" aria-hidden="true" /> {t('stageDue')}: <time dateTime={dueAt}>{formatDate(due, lang)}</time>
          </li>
        )}
      </ul>
    </>
  );
}
