// Reporting upward (issue 18): every region under the viewer with its mapping report's
// status for a budget year, bars per province (plain CSS), the table, the exports, and the
// drill-down to one region's report (its steps, its revisions with the plans behind them,
// the deadline reminders, and the step the viewer may take; the API decides).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { roleLabel, stageLabel } from '../../../../domain/labels';
import { ApiError, get, getBlob, post, query } from '../api/client';
import { useCooperationTypes } from '../api/hooks';
import type { MappingReportView, ProvinceBar, ReportInboxItem, ReportSnapshot, ReportingDeadline, ReportingSummary } from '../api/types';
import { currentBudgetYear, hasRole, homeRegion } from '../auth/roles';
import { useUser } from '../auth/session';
import { useFlash } from '../components/Flash';
import { RegionLabel } from '../components/RegionLabel';
import { QueryView } from '../components/Status';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

const STATUSES = ['ACCEPTED', 'SUBMITTED', 'DRAFTING', 'RETURNED', 'NOT_STARTED', 'LATE'] as const;
const statusKey = (status: string) => `reportStatus${status}` as MessageKey;
const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((part * 100) / whole)}%`);

async function download(path: string, fileName: string) {
  const url = URL.createObjectURL(await getBlob(path));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

export function ReportingPage() {
  const { t } = useI18n();
  const user = useUser();
  const [year, setYear] = useState(currentBudgetYear());
  const [province, setProvince] = useState<string | null>(null);
  const summary = useQuery({ queryKey: ['reporting', year], queryFn: () => get<ReportingSummary>(`/reporting/summary${query({ budgetYear: year })}`) });
  const reviews = hasRole(user, 'PROVINCE_REVIEWER') || hasRole(user, 'MINISTRY_REVIEWER');
  const home = homeRegion(user);
  // A Pemda's seats and a province's bureau report their own region; the ministry only reviews.
  const reportsOwn = home !== '' && home !== '00';
  return (
    <>
      <h1>{t('reportingTitle')}</h1>
      <p className="muted">{t('reportingIntro')}</p>
      <div className="report-controls">
        <label>
          {t('budgetYear')} <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
        </label>
        {reportsOwn && (
          <Link to={`/reporting/${home}/${year}`} className="button">
            {t('reportingOwn')}
          </Link>
        )}
      </div>
      {reviews && <ReviewInbox />}
      <QueryView query={summary}>
        {(data) => (
          <>
            <DeadlineLine year={year} regency={data.deadlines.REGENCY} province={data.deadlines.PROVINCE} />
            <ul className="report-totals" data-testid="report-totals">
              {STATUSES.map((s) => (
                <li key={s} className={s === 'LATE' && data.totals.byStatus.LATE > 0 ? 'late' : undefined}>
                  <span className={`report-status-chip report-status-${s}`}>{t(statusKey(s))}</span> {data.totals.byStatus[s]}
                </li>
              ))}
              <li>
                {t('reportingRkpd')} {percent(data.totals.reachedRkpd, data.totals.plans)}
              </li>
              <li>
                {t('reportingKuaPpas')} {percent(data.totals.reachedKuaPpas, data.totals.plans)}
              </li>
            </ul>
            <p>
              <button
                type="button"
                onClick={() => void download(`/reporting/summary/export.xlsx${query({ budgetYear: year })}`, `rekap-pemetaan-ksd-${year}.xlsx`)}
              >
                {t('exportXlsx')}
              </button>{' '}
              <button
                type="button"
                onClick={() => void download(`/reporting/summary/export.pdf${query({ budgetYear: year })}`, `rekap-pemetaan-ksd-${year}.pdf`)}
              >
                {t('reportingExportPdf')}
              </button>
            </p>
            <section aria-labelledby="by-province">
              <h2 id="by-province">{t('reportingByProvince')}</h2>
              <ul className="report-bars">
                {data.provinces.map((bar) => (
                  <ProvinceRow
                    key={bar.code}
                    bar={bar}
                    selected={province === bar.code}
                    onSelect={() => setProvince(province === bar.code ? null : bar.code)}
                  />
                ))}
              </ul>
              <p className="report-legend">
                {STATUSES.map((s) => (
                  <span key={s}>
                    <i className={`report-status-${s}`} /> {t(statusKey(s))}
                  </span>
                ))}
              </p>
            </section>
            <RegionTable data={data} year={year} province={province} onAll={() => setProvince(null)} />
          </>
        )}
      </QueryView>
    </>
  );
}

/** The year's due dates, who set them and the rule behind them. */
function DeadlineLine({ year, regency, province }: { year: number; regency: string; province: string }) {
  const { t, lang, pick } = useI18n();
  const deadline = useQuery({ queryKey: ['reporting', 'deadline', year], queryFn: () => get<ReportingDeadline>(`/reporting/deadlines/${year}`) });
  return (
    <p data-testid="reporting-deadlines">
      {t('reportingDeadlines').replace('{regency}', formatDate(regency, lang)).replace('{province}', formatDate(province, lang))}
      {deadline.data && (
        <>
          {' '}
          — {deadline.data.origin === 'KEEPER' ? t('reportDueKeeper') : t('reportDueSetting')}
          {deadline.data.note && ` (${deadline.data.note})`}.{' '}
          <small>
            {t('reportDueBasis')}: {pick({ id: deadline.data.sourceId, en: deadline.data.sourceEn })}
          </small>
        </>
      )}
    </p>
  );
}

function ProvinceRow({ bar, selected, onSelect }: { bar: ProvinceBar; selected: boolean; onSelect: () => void }) {
  const { t } = useI18n();
  const label = STATUSES.map((s) => `${t(statusKey(s))} ${bar.byStatus[s]}`).join(', ');
  return (
    <li>
      <button type="button" className={selected ? 'report-bar selected' : 'report-bar'} onClick={onSelect} aria-pressed={selected}>
        <span className="report-bar-name">{bar.name}</span>
        <span className="sr-only">: {label};</span>
        <span className="report-bar-track" aria-hidden="true">
          {STATUSES.map((s) =>
            bar.byStatus[s] ? (
              <span
                key={s}
                className={`report-status-${s}`}
                style={{ width: `${(bar.byStatus[s] * 100) / bar.regions}%` }}
                title={`${t(statusKey(s))}: ${bar.byStatus[s]}`}
              />
            ) : null,
          )}
        </span>
        <span className="report-bar-count">
          {bar.byStatus.ACCEPTED + bar.byStatus.SUBMITTED}/{bar.regions}
        </span>
      </button>
    </li>
  );
}

/** The reports submitted to the viewer's tier and waiting on its decision. */
function ReviewInbox() {
  const { t, lang } = useI18n();
  const inbox = useQuery({ queryKey: ['reporting', 'inbox'], queryFn: () => get<ReportInboxItem[]>('/reporting/inbox') });
  return (
    <section aria-labelledby="report-inbox" className="report-inbox">
      <h2 id="report-inbox">{t('reportingInbox')}</h2>
      <QueryView query={inbox}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{t('reportingInboxEmpty')}</p>
          ) : (
            <ul data-testid="report-inbox">
              {items.map((item) => (
                <li key={`${item.regionCode}/${item.budgetYear}`}>
                  <Link to={`/reporting/${item.regionCode}/${item.budgetYear}`}>
                    <RegionLabel code={item.regionCode} /> · TA {item.budgetYear} (#{item.revision})
                  </Link>{' '}
                  {item.dueDate && ` · ${t('reportingDue')} ${formatDate(item.dueDate, lang)}`}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

function RegionTable({ data, year, province, onAll }: { data: ReportingSummary; year: number; province: string | null; onAll: () => void }) {
  const { t, lang } = useI18n();
  const [onlyLate, setOnlyLate] = useState(false);
  const regions = data.regions.filter((r) => (!province || r.provinceCode === province) && (!onlyLate || r.status === 'LATE'));
  return (
    <section aria-labelledby="regions">
      <h2 id="regions">
        {t('reportingRegions')} ({regions.length}){' '}
        {province && (
          <button type="button" onClick={onAll}>
            {t('reportingAllProvinces')}
          </button>
        )}
      </h2>
      <label className="inline-check">
        <input type="checkbox" checked={onlyLate} onChange={(e) => setOnlyLate(e.target.checked)} /> {t('reportingOnlyLate')} ({data.totals.byStatus.LATE})
      </label>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('reportingRegions')}>
        <table className="report-regions">
          <thead>
            <tr>
              <th>{t('reportingRegions')}</th>
              <th>Status</th>
              <th>{t('reportingDue')}</th>
              <th>{t('reportingPlans')}</th>
              <th>{t('reportingRkpd')}</th>
              <th>{t('reportingKuaPpas')}</th>
              <th>{t('reportingWithoutMapping')}</th>
              <th>{t('reportingReminders')}</th>
            </tr>
          </thead>
          <tbody>
            {regions.map((r) => (
              <tr key={r.code} data-region={r.code} data-status={r.status} className={r.status === 'LATE' ? 'late' : undefined}>
                <td>
                  <Link to={`/reporting/${r.code}/${year}`}>
                    {r.code} {r.name}
                  </Link>
                </td>
                <td>
                  <span className={`report-status-chip report-status-${r.status}`}>{t(statusKey(r.status))}</span>
                </td>
                <td>{formatDate(r.dueDate, lang)}</td>
                <td>{r.plans}</td>
                <td>
                  {r.reachedRkpd} ({percent(r.reachedRkpd, r.plans)})
                </td>
                <td>
                  {r.reachedKuaPpas} ({percent(r.reachedKuaPpas, r.plans)})
                </td>
                <td>{r.withoutMapping}</td>
                <td>
                  {r.reminders}
                  {r.escalated && (
                    <>
                      {' '}
                      · <strong>{t('reportingEscalated')}</strong>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The steps in the order a report takes them, with the path of each and its button. */
const ACTIONS: Array<{ action: string; path: string; label: MessageKey }> = [
  { action: 'COMPILE', path: 'compile', label: 'reportCompile' },
  { action: 'SIGN_OFF', path: 'sign-off', label: 'reportSignOff' },
  { action: 'SUBMIT', path: 'submit', label: 'reportSubmit' },
  { action: 'ACCEPT', path: 'accept', label: 'reportAccept' },
  { action: 'RETURN', path: 'return', label: 'reportReturn' },
];
const REVIEW_ACTIONS = ['ACCEPT', 'RETURN'];
const ZONE = 'Asia/Jakarta';

/** A deadline notice's kind (H-7, H-0, OVERDUE-3, ESCALATED) as people read it. */
function noticeLabel(kind: string, t: (key: MessageKey) => string): string {
  if (kind === 'ESCALATED') return t('reportNoticeEscalated');
  if (kind === 'H-0') return t('reportNoticeOnDay');
  const before = /^H-(\d+)$/.exec(kind);
  if (before) return t('reportNoticeBefore').replace('{n}', before[1]);
  const after = /^OVERDUE-(\d+)$/.exec(kind);
  if (after) return t('reportNoticeOverdue').replace('{n}', after[1]);
  return kind;
}

export function ReportPage() {
  const { t, pick, lang } = useI18n();
  const flash = useFlash();
  const { regionCode = '', budgetYear = '' } = useParams();
  const path = `/reports/${regionCode}/${budgetYear}`;
  const client = useQueryClient();
  // A step is answered before the read model shows it: after one, the page reads again until it does.
  const [awaiting, setAwaiting] = useState<number | null>(null);
  const report = useQuery({
    queryKey: ['report', regionCode, budgetYear],
    queryFn: () => get<MappingReportView>(path),
    refetchInterval: (q) => (awaiting !== null && (q.state.data?.steps.length ?? 0) < awaiting ? 400 : false),
  });
  const latest = report.data?.revision ?? 0;
  const snapshot = useQuery({
    queryKey: ['report', regionCode, budgetYear, 'revision', latest],
    queryFn: () => get<ReportSnapshot>(`${path}/revisions/${latest}`),
    enabled: latest > 0,
  });
  const [comment, setComment] = useState('');
  const act = useMutation({
    mutationFn: (step: (typeof ACTIONS)[number]) => post<{ steps: number }>(`${path}/${step.path}`, comment.trim() ? { comment: comment.trim() } : {}),
    onSuccess: (state, step) => {
      setComment('');
      setAwaiting(state.steps);
      flash(t('reportDone').replace('{step}', t(`reportStep${step.action}` as MessageKey)));
      void client.invalidateQueries({ queryKey: ['report', regionCode, budgetYear] });
      void client.invalidateQueries({ queryKey: ['reporting'] });
    },
  });
  return (
    <QueryView query={report}>
      {(data) => {
        const allowed = ACTIONS.filter((a) => data.allowedActions.includes(a.action as (typeof data.allowedActions)[number]));
        const reviewing = allowed.some((a) => REVIEW_ACTIONS.includes(a.action));
        const error = act.error instanceof ApiError ? act.error : null;
        return (
          <>
            <p>
              <Link to="/reporting">← {t('reportingTitle')}</Link>
            </p>
            <h1>{t('reportTitle').replace('{region}', `${data.regionCode} ${data.regionName}`).replace('{year}', String(data.budgetYear))}</h1>
            <dl className="report-facts" data-testid="report-status" data-standing={data.standing} data-status={data.status ?? ''}>
              <div>
                <dt>Status</dt>
                <dd>
                  <span className={`report-status-chip report-status-${data.standing}`}>{t(statusKey(data.standing))}</span>
                </dd>
              </div>
              <div>
                <dt>{t('reportProcess')}</dt>
                <dd>
                  {data.status ? t(`reportState${data.status}` as MessageKey) : t('reportNone')}
                  {data.revision > 0 && ` (#${data.revision})`}
                </dd>
              </div>
              <div data-testid="report-due">
                <dt>{t('reportDue')}</dt>
                <dd>
                  {formatDate(data.dueDate, lang)} — {data.deadline.origin === 'KEEPER' ? t('reportDueKeeper') : t('reportDueSetting')}
                  {data.deadline.note && ` (${data.deadline.note})`}.{' '}
                  <small>
                    {t('reportDueBasis')}: {pick(data.deadline.source)}
                  </small>
                </dd>
              </div>
            </dl>
            {data.standing === 'LATE' && (
              <p className="report-late" role="note">
                {t('reportLateNote')}
              </p>
            )}
            {data.status === 'RETURNED' && data.comment && (
              <p className="report-returned" data-testid="report-comment">
                <strong>{t('reportReturnedBy')}</strong>
                {data.decidedBy && ` (${data.decidedBy})`}: {data.comment}
              </p>
            )}
            <section aria-labelledby="report-actions">
              <h2 id="report-actions">{t('reportActions')}</h2>
              {allowed.length === 0 ? (
                <p className="muted">{t('reportNoActions')}</p>
              ) : (
                <>
                  {reviewing && (
                    <label className="report-comment">
                      {t('reportReviewComment')}
                      <textarea
                        value={comment}
                        maxLength={4000}
                        aria-invalid={error?.violations.some((v) => v.field === 'comment') || undefined}
                        onChange={(e) => {
                          setComment(e.target.value);
                          if (act.error) act.reset();
                        }}
                      />
                    </label>
                  )}
                  <p className="actions">
                    {allowed.map((step) => (
                      <button
                        key={step.action}
                        type="button"
                        className={step.action === 'RETURN' ? undefined : 'primary'}
                        disabled={act.isPending}
                        onClick={() => act.mutate(step)}
                      >
                        {t(step.label)}
                      </button>
                    ))}
                  </p>
                </>
              )}
              {error && (
                <div role="alert" className="error">
                  <p>{pick(error.text)}</p>
                  {error.violations.length > 0 && (
                    <ul>
                      {error.violations.map((v) => (
                        <li key={v.field + v.reason}>{pick(v.message)}</li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </section>
            <section aria-labelledby="report-notices">
              <h2 id="report-notices">{t('reportNotices')}</h2>
              {data.notices.length === 0 ? <p className="muted">{t('reportNoNotices')}</p> : <NoticeList notices={data.notices} />}
            </section>
            {snapshot.data && <SnapshotView snapshot={snapshot.data} year={data.budgetYear} />}
            <section aria-labelledby="report-steps">
              <h2 id="report-steps">{t('reportSteps')}</h2>
              {data.steps.length === 0 ? (
                <p className="muted">{t('reportNoSteps')}</p>
              ) : (
                <ol className="report-steps">
                  {data.steps.map((s) => (
                    <li key={s.sequence}>
                      <strong>{t(`reportStep${s.action}` as MessageKey)}</strong> (#{s.revision}) · {s.actor} ·{' '}
                      {formatDateTime(String(s.occurredAt), lang, ZONE)}
                      {s.comment && <> · “{s.comment}”</>}
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section aria-labelledby="report-revisions">
              <h2 id="report-revisions">{t('reportRevisions')}</h2>
              <ul>
                {data.revisions.map((r) => (
                  <li key={r.revision}>
                    #{r.revision} · {r.compiledBy} · {formatDateTime(String(r.compiledAt), lang, ZONE)} · {r.plans} {t('reportingPlans')}
                    <details>
                      <summary>{t('reportPlanIds')}</summary>
                      <ul className="plan-ids">
                        {r.planIds.map((id) => (
                          <li key={id}>
                            <code>{id}</code>
                          </li>
                        ))}
                      </ul>
                    </details>
                  </li>
                ))}
              </ul>
            </section>
          </>
        );
      }}
    </QueryView>
  );
}

type Notice = MappingReportView['notices'][number];

/** The escalation and the latest reminders, older rounds folded away (one a round: the list grows while a region stays late). */
function NoticeList({ notices }: { notices: Notice[] }) {
  const { t, pick, lang } = useI18n();
  const escalation = notices.filter((n) => n.kind === 'ESCALATED');
  const reminders = notices.filter((n) => n.kind !== 'ESCALATED');
  const recent = reminders.slice(-3).reverse();
  const older = reminders.slice(0, -3).reverse();
  const item = (n: Notice) => (
    <li key={n.kind} data-kind={n.kind}>
      <strong>{noticeLabel(n.kind, t)}</strong> · {formatDateTime(String(n.sentAt), lang, ZONE)}
      {n.recipients.length > 0 && (
        <>
          {' '}
          · {t('reportNoticeTo')}:{' '}
          {n.recipients.map((r) => `${r.name}${r.role ? ` (${pick(roleLabel(r.role))})` : ''}${r.read ? `, ${t('reportNoticeRead')}` : ''}`).join('; ')}
        </>
      )}
    </li>
  );
  return (
    <div data-testid="report-notices">
      <ul className="report-notices">
        {escalation.map(item)}
        {recent.map(item)}
      </ul>
      {older.length > 0 && (
        <details>
          <summary>{t('reportOlderNotices').replace('{n}', String(older.length))}</summary>
          <ul className="report-notices">{older.map(item)}</ul>
        </details>
      )}
    </div>
  );
}

/** The latest revision as compiled: its plans (the numbers' sources) and, for a province, the reports it includes. */
function SnapshotView({ snapshot, year }: { snapshot: ReportSnapshot; year: number }) {
  const { t, pick } = useI18n();
  const types = useCooperationTypes();
  const typeName = (code: string | null) => (code ? (pick(types.data?.find((c) => c.code === code)?.name ?? { id: code, en: code }) ?? code) : '–');
  return (
    <section aria-labelledby="report-latest">
      <h2 id="report-latest">{t('reportLatestPlans').replace('{revision}', String(snapshot.revision))}</h2>
      <p>
        {t('reportingPlans')} {snapshot.totals.plans} · {t('reportingRkpd')} {snapshot.totals.reachedRkpd} (
        {percent(snapshot.totals.reachedRkpd, snapshot.totals.plans)}) · {t('reportingKuaPpas')} {snapshot.totals.reachedKuaPpas} (
        {percent(snapshot.totals.reachedKuaPpas, snapshot.totals.plans)})
      </p>
      {snapshot.plans.length > 0 && (
        <div className="table-scroll report-plans" tabIndex={0} role="region" aria-labelledby="report-latest">
          <table data-testid="report-plans">
            <thead>
              <tr>
                <th>{t('reportPlanTitle')}</th>
                <th>{t('reportPlanAgency')}</th>
                <th>{t('reportPlanType')}</th>
                <th>{t('reportPlanStage')}</th>
                <th>{t('reportingRkpd')}</th>
                <th>{t('reportingKuaPpas')}</th>
              </tr>
            </thead>
            <tbody>
              {snapshot.plans.map((plan) => (
                <tr key={plan.id}>
                  <td>{plan.title}</td>
                  <td>{plan.proposingAgency}</td>
                  <td>{typeName(plan.cooperationType)}</td>
                  <td>{pick(stageLabel(plan.stage))}</td>
                  <td>{plan.inRkpd ? t('yes') : t('no')}</td>
                  <td>{plan.inKuaPpas ? t('yes') : t('no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {snapshot.included && (
        <>
          <h3>{t('reportIncluded')}</h3>
          <ul data-testid="report-included">
            {snapshot.included.map((r) => (
              <li key={r.regionCode}>
                <Link to={`/reporting/${r.regionCode}/${year}`}>
                  {r.regionCode} {r.regionName}
                </Link>{' '}
                (#{r.revision}) · {t('reportingPlans')} {r.totals.plans}
              </li>
            ))}
          </ul>
          {snapshot.missing && snapshot.missing.length > 0 && <p className="muted">{t('reportMissing').replace('{n}', String(snapshot.missing.length))}</p>}
        </>
      )}
    </section>
  );
}
