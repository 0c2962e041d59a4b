// Reporting upward (issue 18): every region under the viewer with its mapping report's
// status for a budget year, bars per province (plain CSS), the table, the exports, and the
// drill-down to one region's report (its steps, its revisions with the plans behind them,
// the deadline reminders, and the step the viewer may take; the API decides).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, get, getBlob, post, query } from '../api/client';
import type { MappingReportView, ProvinceBar, ReportingSummary } from '../api/types';
import { currentBudgetYear } from '../auth/roles';
import { QueryView } from '../components/Status';
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
  const [year, setYear] = useState(currentBudgetYear());
  const [province, setProvince] = useState<string | null>(null);
  const summary = useQuery({ queryKey: ['reporting', year], queryFn: () => get<ReportingSummary>(`/reporting/summary${query({ budgetYear: year })}`) });
  return (
    <>
      <h1>{t('reportingTitle')}</h1>
      <p className="muted">{t('reportingIntro')}</p>
      <label>
        {t('budgetYear')} <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
      </label>
      <QueryView query={summary}>
        {(data) => (
          <>
            <p>
              {t('reportingDeadlines').replace('{regency}', data.deadlines.REGENCY).replace('{province}', data.deadlines.PROVINCE)} ·{' '}
              {STATUSES.map((s) => `${t(statusKey(s))} ${data.totals.byStatus[s]}`).join(' · ')} · {t('reportingRkpd')}{' '}
              {percent(data.totals.reachedRkpd, data.totals.plans)} · {t('reportingKuaPpas')} {percent(data.totals.reachedKuaPpas, data.totals.plans)}
            </p>
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

function ProvinceRow({ bar, selected, onSelect }: { bar: ProvinceBar; selected: boolean; onSelect: () => void }) {
  const { t } = useI18n();
  const label = STATUSES.map((s) => `${t(statusKey(s))} ${bar.byStatus[s]}`).join(', ');
  return (
    <li>
      <button
        type="button"
        className={selected ? 'report-bar selected' : 'report-bar'}
        onClick={onSelect}
        aria-pressed={selected}
        aria-label={`${bar.name}: ${label}`}
      >
        <span className="report-bar-name">{bar.name}</span>
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

function RegionTable({ data, year, province, onAll }: { data: ReportingSummary; year: number; province: string | null; onAll: () => void }) {
  const { t } = useI18n();
  const regions = province ? data.regions.filter((r) => r.provinceCode === province) : data.regions;
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
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('reportingRegions')}>
        <table className="report-regions">
          <thead>
            <tr>
              <th>{t('reportingRegions')}</th>
              <th>Status</th>
              <th>{t('reportingPlans')}</th>
              <th>{t('reportingRkpd')}</th>
              <th>{t('reportingKuaPpas')}</th>
              <th>{t('reportingWithoutMapping')}</th>
              <th>{t('reportingReminders')}</th>
            </tr>
          </thead>
          <tbody>
            {regions.map((r) => (
              <tr key={r.code} data-region={r.code}>
                <td>
                  <Link to={`/reporting/${r.code}/${year}`}>
                    {r.code} {r.name}
                  </Link>
                </td>
                <td>
                  <span className={`report-status-chip report-status-${r.status}`}>{t(statusKey(r.status))}</span>
                </td>
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
                  {r.escalated && ` · ${t('reportingEscalated')}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const ACTIONS: Array<[string, MessageKey]> = [
  ['compile', 'reportCompile'],
  ['sign-off', 'reportSignOff'],
  ['submit', 'reportSubmit'],
  ['accept', 'reportAccept'],
  ['return', 'reportReturn'],
];

export function ReportPage() {
  const { t, pick } = useI18n();
  const { regionCode = '', budgetYear = '' } = useParams();
  const path = `/reports/${regionCode}/${budgetYear}`;
  const client = useQueryClient();
  const report = useQuery({ queryKey: ['report', regionCode, budgetYear], queryFn: () => get<MappingReportView>(path) });
  const [comment, setComment] = useState('');
  const act = useMutation({
    mutationFn: (action: string) => post(`${path}/${action}`, comment.trim() ? { comment: comment.trim() } : {}),
    onSuccess: () => {
      setComment('');
      void client.invalidateQueries({ queryKey: ['report', regionCode, budgetYear] });
      void client.invalidateQueries({ queryKey: ['reporting'] });
    },
  });
  return (
    <QueryView query={report}>
      {(data) => (
        <>
          <h1>{t('reportTitle').replace('{region}', `${data.regionCode} ${data.regionName}`).replace('{year}', String(data.budgetYear))}</h1>
          <p data-testid="report-status">
            Status: {data.status ?? t('reportNone')} · {data.dueDate}
            {data.comment && ` · ${data.comment}`}
          </p>
          <section aria-labelledby="report-actions">
            <h2 id="report-actions">{t('reportActions')}</h2>
            <label>
              {t('reportComment')} <textarea value={comment} maxLength={4000} onChange={(e) => setComment(e.target.value)} />
            </label>
            <p>
              {ACTIONS.map(([action, label]) => (
                <button key={action} type="button" disabled={act.isPending} onClick={() => act.mutate(action)}>
                  {t(label)}
                </button>
              ))}
            </p>
            {act.error instanceof ApiError && <p role="alert">{pick(act.error.text)}</p>}
          </section>
          <section aria-labelledby="report-revisions">
            <h2 id="report-revisions">{t('reportRevisions')}</h2>
            <ul>
              {data.revisions.map((r) => (
                <li key={r.revision}>
                  #{r.revision} · {r.compiledBy} · {new Date(r.compiledAt).toLocaleString()} · {r.plans} {t('reportingPlans')}
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
          <section aria-labelledby="report-steps">
            <h2 id="report-steps">{t('reportSteps')}</h2>
            <ol>
              {data.steps.map((s) => (
                <li key={s.sequence}>
                  {s.action} (#{s.revision}) · {s.actor} · {new Date(s.occurredAt).toLocaleString()}
                  {s.comment && ` · ${s.comment}`}
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="report-notices">
            <h2 id="report-notices">{t('reportNotices')}</h2>
            <ul>
              {data.notices.map((n) => (
                <li key={n.kind}>
                  {n.kind} · {new Date(n.sentAt).toLocaleString()}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </QueryView>
  );
}
