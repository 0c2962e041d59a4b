// Monitoring and evaluation (monev) of an agreement in force (Permendagri 22/2020): the reports
// filed, each with its budget realisation beside the plan's amounts and its review status; the
// owning agency's officer files the period's report; the secretariat accepts or returns it.
import { useState } from 'react';
import { post } from '../api/client';
import type { Agreement } from '../api/types';
import { draftsFor, hasRole } from '../auth/roles';
import { useUser } from '../auth/session';
import { useFlash } from '../components/Flash';
import { RupiahInput } from '../components/RupiahInput';
import { ErrorMessage } from '../components/Status';
import { formatDateTime, formatRupiah, parseRupiah } from '../format';
import { zoneOf } from '../api/hooks';
import { useI18n } from '../i18n/i18n';
import { MONEV_TEXT as M } from './monev-texts';
import { useAgreementChange } from './useAgreementChange';

type Report = Agreement['reports'][number];
type Text = (typeof M)[keyof typeof M];

export function MonevPanel({ agreement: a }: { agreement: Agreement }) {
  const user = useUser();
  const { pick } = useI18n();
  const inForce = a.stage === 'IMPLEMENTATION';
  const officer = draftsFor(user, { regionCode: a.regionCode, proposingAgency: a.owningAgency });
  const secretariat = hasRole(user, 'SECRETARIAT', a.regionCode);
  const awaiting = a.reports.find((r) => r.status === 'SUBMITTED');
  if (a.reports.length === 0 && !inForce) return null;
  return (
    <section className="card" aria-labelledby="monev-title" data-testid="monev">
      <h2 id="monev-title">{pick(M.title)}</h2>
      <p className="hint">{pick(M.basis)}</p>
      {a.reports.length === 0 ? (
        <p>{pick(M.noReports)}</p>
      ) : (
        // Newest first; each report is headed with its own number.
        [...a.reports].reverse().map((report) => (
          <div key={report.sequence} className="monev-report">
            <ReportView agreement={a} report={report} />
            {inForce && secretariat && report.status === 'SUBMITTED' && <ReviewForm agreement={a} report={report} />}
          </div>
        ))
      )}
      {inForce && officer && (awaiting ? <p className="hint">{pick(M.awaitingReview)}</p> : <ReportForm agreement={a} />)}
    </section>
  );
}

function ReportView({ agreement: a, report: r }: { agreement: Agreement; report: Report }) {
  const { pick, lang } = useI18n();
  const zone = zoneOf(a.regionCode);
  const lineName = (id: string) => {
    const line = a.planBudgetLines?.find((l) => l.id === id);
    return line ? `${line.nomenclatureCode} · ${line.description}` : id;
  };
  return (
    <article data-testid={`monev-report-${r.sequence}`} data-status={r.status} aria-labelledby={`report-${r.sequence}`}>
      <h3 id={`report-${r.sequence}`}>
        {pick(M.report)} {r.sequence} · {pick(M.period)} {r.period} ·{' '}
        <span className={`report-status status-${r.status.toLowerCase()}`}>{pick(M[`status${r.status}`])}</span>
      </h3>
      <dl>
        <dt>{pick(M.progress)}</dt>
        <dd>{r.progressPercent}%</dd>
        <dt>{pick(M.submitted)}</dt>
        <dd>
          {r.submittedByName} · <time dateTime={r.submittedAt}>{formatDateTime(r.submittedAt, lang, zone)}</time>
        </dd>
        {r.problems && (
          <>
            <dt>{pick(M.problems)}</dt>
            <dd>{r.problems}</dd>
          </>
        )}
        {r.reviewedByName && (
          <>
            <dt>{pick(M.reviewedBy)}</dt>
            <dd>
              {r.reviewedByName}
              {r.reviewedAt && (
                <>
                  {' '}
                  · <time dateTime={r.reviewedAt}>{formatDateTime(r.reviewedAt, lang, zone)}</time>
                </>
              )}
            </dd>
          </>
        )}
        {r.reviewComment && (
          <>
            <dt>{pick(M.reviewComment)}</dt>
            <dd>
              <blockquote>{r.reviewComment}</blockquote>
            </dd>
          </>
        )}
      </dl>
      {r.budgetLines.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`report-${r.sequence}-lines`}>
          <table>
            <caption className="sr-only" id={`report-${r.sequence}-lines`}>
              {pick(M.report)} {r.sequence}: {pick(M.budgetLine)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{pick(M.budgetLine)}</th>
                <th scope="col" className="num">
                  {pick(M.planned)}
                </th>
                <th scope="col" className="num">
                  {pick(M.realised)}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.budgetLines.map((line) => (
                <tr key={line.lineId}>
                  <td>{lineName(line.lineId)}</td>
                  <td className="num">{formatRupiah(line.planned, lang)}</td>
                  <td className="num">{formatRupiah(line.realised, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}

function ReportForm({ agreement: a }: { agreement: Agreement }) {
  const { pick, lang } = useI18n();
  const flash = useFlash();
  const lines = a.planBudgetLines ?? [];
  const [progress, setProgress] = useState('');
  const [realised, setRealised] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState('');
  const [problem, setProblem] = useState<Text | null>(null);
  const submit = useAgreementChange(a.id, (body: { progressPercent: number; budgetLines: Array<{ lineId: string; realised: number }>; problems?: string }) =>
    post<Agreement>(`/agreements/${a.id}/reports`, body),
  );
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const percent = Number(progress.replace(',', '.'));
    const amounts = lines.map((line) => ({ lineId: line.id, realised: parseRupiah(realised[line.id] ?? '') }));
    const invalid: Text | null =
      progress.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 100
        ? M.progressInvalid
        : amounts.some((l) => !Number.isFinite(l.realised) || l.realised < 0)
          ? M.realisedInvalid
          : null;
    setProblem(invalid);
    if (invalid) return;
    submit.mutate(
      { progressPercent: percent, budgetLines: amounts, ...(problems.trim() && { problems: problems.trim() }) },
      { onSuccess: () => flash(`${pick(M.filed)} · ${a.title}`) },
    );
  };
  return (
    <form className="decision monev-form" onSubmit={onSubmit} aria-labelledby="monev-form-title" noValidate>
      <h3 id="monev-form-title">{pick(M.formTitle)}</h3>
      <p className="hint">{pick(M.formHint)}</p>
      <label htmlFor="monev-progress">{pick(M.progressLabel)}</label>
      <input
        id="monev-progress"
        type="number"
        min={0}
        max={100}
        step={1}
        inputMode="decimal"
        value={progress}
        onChange={(e) => {
          setProgress(e.target.value);
          setProblem(null);
        }}
      />
      {lines.length === 0 ? (
        <p className="hint">{pick(M.noLines)}</p>
      ) : (
        <fieldset>
          <legend>{pick(M.realised)}</legend>
          {lines.map((line, index) => (
            <div className="monev-line" key={line.id}>
              <label htmlFor={`monev-line-${index}`}>
                {pick(M.realisedOf)} {line.nomenclatureCode} · {line.description}
              </label>
              <p className="hint" id={`monev-line-${index}-planned`}>
                {pick(M.planned)}: {formatRupiah(line.amount, lang)}
              </p>
              <RupiahInput
                id={`monev-line-${index}`}
                aria-describedby={`monev-line-${index}-planned`}
                value={realised[line.id] ?? ''}
                onChange={(value) => {
                  setRealised((previous) => ({ ...previous, [line.id]: value }));
                  setProblem(null);
                }}
              />
            </div>
          ))}
        </fieldset>
      )}
      <label htmlFor="monev-problems">{pick(M.problemsLabel)}</label>
      <textarea id="monev-problems" rows={3} value={problems} onChange={(e) => setProblems(e.target.value)} />
      {problem && <p className="field-error">{pick(problem)}</p>}
      {submit.error && <ErrorMessage error={submit.error} />}
      <button type="submit" className="primary" disabled={submit.isPending}>
        {submit.isPending ? pick(M.sending) : pick(M.submit)}
      </button>
    </form>
  );
}

function ReviewForm({ agreement: a, report }: { agreement: Agreement; report: Report }) {
  const { pick } = useI18n();
  const flash = useFlash();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const review = useAgreementChange(a.id, (body: { outcome: 'ACCEPT' | 'RETURN'; comment?: string }) =>
    post<Agreement>(`/agreements/${a.id}/reports/${report.sequence}/review`, body),
  );
  const send = (outcome: 'ACCEPT' | 'RETURN') => {
    const note = comment.trim();
    setMissing(outcome === 'RETURN' && !note);
    if (outcome === 'RETURN' && !note) return;
    review.mutate({ outcome, ...(note && { comment: note }) }, { onSuccess: () => flash(pick(outcome === 'ACCEPT' ? M.accepted : M.returned)) });
  };
  const id = `review-${report.sequence}`;
  return (
    <form className="decision" aria-labelledby={`${id}-title`} onSubmit={(e) => e.preventDefault()}>
      <h4 id={`${id}-title`}>
        {pick(M.reviewTitle)} {report.sequence}
      </h4>
      <label htmlFor={`${id}-comment`}>{pick(M.reviewCommentLabel)}</label>
      <textarea id={`${id}-comment`} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      {missing && <p className="field-error">{pick(M.commentRequired)}</p>}
      {review.error && <ErrorMessage error={review.error} />}
      <div className="actions">
        <button type="button" className="primary" disabled={review.isPending} onClick={() => send('ACCEPT')}>
          {pick(M.accept)}
        </button>
        <button type="button" disabled={review.isPending} onClick={() => send('RETURN')}>
          {pick(M.returnIt)}
        </button>
      </div>
    </form>
  );
}
