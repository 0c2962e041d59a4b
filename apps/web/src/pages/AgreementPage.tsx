// One cooperation agreement: where it stands (the stage and its legal basis), the KB and PKS
// signing particulars and term, its moves, and for the holder of the open task: claim, then
// complete or return the step, confirmed first (PP 28/2018 Pasal 7 and 12; Permendagri 22/2020).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  AGREEMENT_MAY_DECLINE,
  AGREEMENT_RETURNS_TO,
  AGREEMENT_SIGNING_STAGES,
  AGREEMENT_STAGE_INFO,
  ENDED_AGREEMENT_STAGES,
  type AgreementStage,
} from '../../../../domain/agreement-stage';
import { actorLabel } from '../../../../domain/labels';
import { get, post } from '../api/client';
import { zoneOf } from '../api/hooks';
import type { Agreement, AgreementStepDecision } from '../api/types';
import { hasRole } from '../auth/roles';
import { useUser } from '../auth/session';
import { DateInput } from '../components/DateInput';
import { useFlash } from '../components/Flash';
import { RegionLabel } from '../components/RegionLabel';
import { ErrorMessage, QueryView } from '../components/Status';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { ConfirmDialog } from '../plan/DecisionForm';
import { documentSignedAt } from '../../../../domain/agreement-document';
import { AgreementTimeline } from '../agreement/AgreementTimeline';
import { DocumentsPanel } from '../agreement/DocumentsPanel';
import { ObligationsPanel } from '../agreement/ObligationsPanel';
import { SignedCopyField, uploadSignedCopy, usePendingSignedCopy } from '../agreement/SignedCopyField';
import { DOC_TEXT } from '../agreement/texts';
import { InForceActions } from '../agreement/InForceActions';
import { MonevPanel } from '../agreement/MonevPanel';

type Outcome = AgreementStepDecision['outcome'];
type Evaluation = NonNullable<AgreementStepDecision['evaluation']>;

// The process's own rules (domain/agreement-stage.ts), to offer only the choices that apply.
const MAY_RETURN: readonly string[] = Object.keys(AGREEMENT_RETURNS_TO);
const MAY_DECLINE: readonly string[] = AGREEMENT_MAY_DECLINE;
const SIGNING_STAGES: readonly string[] = AGREEMENT_SIGNING_STAGES;
const EVALUATIONS: Evaluation[] = ['CONTINUE', 'EXPAND', 'AMEND', 'STOP'];
const ENDED: readonly string[] = ENDED_AGREEMENT_STAGES;
const OUTCOME_LABEL: Record<Outcome, MessageKey> = { APPROVE: 'stepApprove', RETURN: 'stepReturn', DECLINE: 'stepDecline' };

const agreementKey = (id: string) => ['agreement', id];

export function AgreementPage() {
  const { id = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const stageName = (stage: string) => (stage in AGREEMENT_STAGE_INFO ? pick(AGREEMENT_STAGE_INFO[stage as AgreementStage].label) : stage);
  const agreement = useQuery({
    queryKey: agreementKey(id),
    queryFn: () => get<Agreement>(`/agreements/${id}`),
    // Between a decision and the next stage's task the process is still moving: poll until it has.
    refetchInterval: (q) =>
      q.state.data && !q.state.data.task && q.state.data.stage !== 'IMPLEMENTATION' && !ENDED.includes(q.state.data.stage) ? 1000 : false,
  });
  return (
    <QueryView query={agreement}>
      {(a) => (
        <article className="plan-page">
          <header className="plan-head">
            <h1>{a.title}</h1>
            <p className="meta">
              {a.owningAgency} · <RegionLabel code={a.regionCode} /> · {t('budgetYear')} {a.budgetYear} ·{' '}
              <Link to={`/plans/${a.planId}`}>{t('agreementPlan')}</Link>
              {a.nextPlanId && (
                <>
                  {' '}
                  · <Link to={`/plans/${a.nextPlanId}`}>{t('nextPlanDraft')}</Link>
                </>
              )}
            </p>
            <dl className="confirm-facts">
              <dt>{t('agreementStage')}</dt>
              <dd>
                <strong data-testid="agreement-stage" data-stage={a.stage}>
                  {pick(a.stageLabel)}
                </strong>
              </dd>
              <dt>{t('legalBasis')}</dt>
              <dd data-testid="agreement-basis">{pick(a.stageBasis)}</dd>
            </dl>
          </header>
          <div className={a.task ? 'plan-columns' : 'plan-single'}>
            <div className="plan-main">
              <section className="card" aria-labelledby="signing-title">
                <h2 id="signing-title">
                  {t('kbTitle')} · {t('pksTitle')}
                </h2>
                <dl>
                  <dt>{t('kbTitle')}</dt>
                  <dd>{a.kbNumber ? `${a.kbNumber} · ${a.kbSignedOn ? formatDate(a.kbSignedOn, lang) : ''}` : t('notYetSigned')}</dd>
                  <dt>{t('pksTitle')}</dt>
                  <dd>{a.pksNumber ? `${a.pksNumber} · ${a.pksSignedOn ? formatDate(a.pksSignedOn, lang) : ''}` : t('notYetSigned')}</dd>
                  <dt>{t('termStart')}</dt>
                  <dd>{a.startsOn ? formatDate(a.startsOn, lang) : '—'}</dd>
                  <dt>{t('termEnd')}</dt>
                  <dd>{a.endsOn ? formatDate(a.endsOn, lang) : '—'}</dd>
                </dl>
              </section>
              <AgreementTimeline agreement={a} />
              <DocumentsPanel agreement={a} />
              <MonevPanel agreement={a} />
              <InForceActions agreement={a} />
              <ObligationsPanel agreement={a} />
              <section className="card" aria-labelledby="history-title">
                <h2 id="history-title">{t('history')}</h2>
                {a.transitions.length === 0 ? (
                  <p>{t('none')}</p>
                ) : (
                  <ol className="history" data-testid="agreement-history">
                    {a.transitions.map((h) => (
                      <li key={h.sequence}>
                        <time dateTime={h.occurredAt}>{formatDateTime(h.occurredAt, lang, zoneOf(a.regionCode))}</time>{' '}
                        <strong>{pick(actorLabel(h.actor))}</strong>: {stageName(h.fromStage)} → {stageName(h.toStage)} (
                        {h.outcome in OUTCOME_LABEL ? t(OUTCOME_LABEL[h.outcome as Outcome]) : h.outcome}){h.comment && <blockquote>{h.comment}</blockquote>}
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            </div>
            {a.task && <AgreementTaskPanel agreement={a} />}
          </div>
        </article>
      )}
    </QueryView>
  );
}

function useAgreementAction<V>(id: string, action: (vars: V) => Promise<Agreement>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    // A signing's signed copy may be uploaded even when the step is then refused: the documents are read again either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...agreementKey(id), 'documents'] }),
    onSuccess: async (next) => {
      queryClient.setQueryData(agreementKey(id), next);
      await queryClient.invalidateQueries({ queryKey: agreementKey(id) });
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      void queryClient.invalidateQueries({ queryKey: ['agreements'] });
    },
  });
}

function AgreementTaskPanel({ agreement: a }: { agreement: Agreement }) {
  const user = useUser();
  const { t, pick } = useI18n();
  const flash = useFlash();
  const task = a.task!;
  const mine = task.assigneeId === user.id;
  const mayClaim = !task.assigneeId && Boolean(task.candidateRole && hasRole(user, task.candidateRole, a.regionCode));
  const claim = useAgreementAction(a.id, () => post<Agreement>(`/agreements/${a.id}/task/claim`));
  const release = useAgreementAction(a.id, () => post<Agreement>(`/agreements/${a.id}/task/release`));
  const error = claim.error ?? release.error;
  return (
    <aside className="card task-panel" aria-labelledby="task-title">
      <h2 id="task-title">{t('agreementTask')}</h2>
      <p>
        {pick(a.stageLabel)} · {t('assignee')}: {task.assigneeName ?? t('unassigned')}
      </p>
      <div className="actions">
        {mayClaim && (
          <button
            type="button"
            className="primary"
            disabled={claim.isPending}
            onClick={() => claim.mutate(undefined, { onSuccess: () => flash(t('claimed')) })}
          >
            {claim.isPending ? t('sending') : t('claim')}
          </button>
        )}
        {mine && (
          <button type="button" disabled={release.isPending} onClick={() => release.mutate(undefined, { onSuccess: () => flash(t('released')) })}>
            {t('release')}
          </button>
        )}
      </div>
      {error && <ErrorMessage error={error} />}
      {(mine || mayClaim) && <StepForm key={a.stage} agreement={a} claimed={mine} />}
    </aside>
  );
}

function StepForm({ agreement: a, claimed }: { agreement: Agreement; claimed: boolean }) {
  const { t, pick } = useI18n();
  const flash = useFlash();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [comment, setComment] = useState('');
  const [number, setNumber] = useState('');
  const [signedOn, setSignedOn] = useState('');
  const [signatories, setSignatories] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [evaluation, setEvaluation] = useState<Evaluation | ''>('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [copyFile, setCopyFile] = useState<File | null>(null);
  const [copyMissing, setCopyMissing] = useState(false);
  const signedDocument = documentSignedAt(a.stage as AgreementStage);
  const pendingCopy = usePendingSignedCopy(a.id, signedDocument);
  const signs = SIGNING_STAGES.includes(a.stage) && outcome === 'APPROVE';
  const sets = a.stage === 'PKS_SIGNING' && outcome === 'APPROVE';
  const evaluates = a.stage === 'EVALUATION' && outcome === 'APPROVE';
  const names = signatories
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const body = (): AgreementStepDecision => ({
    stage: a.stage as AgreementStepDecision['stage'],
    outcome: outcome!,
    ...(comment.trim() && { comment: comment.trim() }),
    // With a signed copy already uploaded, the signing is the copy's (the API takes it from there).
    ...(signs && !pendingCopy && { signing: { number: number.trim(), signedOn, signatories: names } }),
    ...(sets && { term: { startsOn, endsOn } }),
    ...(evaluates && evaluation && { evaluation }),
  });
  const decide = useAgreementAction(a.id, async (decision: AgreementStepDecision) => {
    // One action for the signer: the signed copy is uploaded first, then the step rests on it.
    if (signs && !pendingCopy && signedDocument && copyFile) {
      await uploadSignedCopy(a.id, signedDocument, { file: copyFile, number: number.trim(), signedOn, signatories: names });
    }
    return post<Agreement>(`/agreements/${a.id}/steps`, decision);
  });
  const outcomes: Outcome[] = [
    'APPROVE',
    ...(MAY_RETURN.includes(a.stage) ? (['RETURN'] as const) : []),
    ...(MAY_DECLINE.includes(a.stage) ? (['DECLINE'] as const) : []),
  ];
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const missing: MessageKey | null = !outcome
      ? 'chooseOutcome'
      : outcome !== 'APPROVE' && !comment.trim()
        ? 'stepCommentRequired'
        : signs && !pendingCopy && (!number.trim() || !signedOn || names.length === 0)
          ? 'signingRequired'
          : sets && (!startsOn || !endsOn)
            ? 'termRequired'
            : evaluates && !evaluation
              ? 'evaluationRequired'
              : null;
    setProblem(missing);
    const noCopy = !missing && signs && !pendingCopy && !copyFile;
    setCopyMissing(noCopy);
    if (!missing && !noCopy) setConfirming(true);
  };
  const send = () =>
    decide.mutate(body(), {
      onSuccess: () => {
        setConfirming(false);
        flash(`${t('stepDone')} ${t(OUTCOME_LABEL[outcome!])} · ${a.title}`);
      },
      onError: () => setConfirming(false),
    });
  return (
    <form className="decision" onSubmit={onSubmit} aria-labelledby="step-title">
      <h3 id="step-title">{t('decision')}</h3>
      {!claimed && (
        <p className="hint" id="claim-first">
          {t('claimFirst')}
        </p>
      )}
      <fieldset disabled={!claimed} aria-describedby={claimed ? undefined : 'claim-first'}>
        <legend>{t('outcome')}</legend>
        {outcomes.map((value) => (
          <div className="radio" key={value}>
            <input
              type="radio"
              id={`step-${value}`}
              name="step-outcome"
              value={value}
              checked={outcome === value}
              onChange={() => {
                setOutcome(value);
                setProblem(null);
              }}
            />
            <label htmlFor={`step-${value}`}>{t(OUTCOME_LABEL[value])}</label>
          </div>
        ))}
      </fieldset>
      {claimed && signs && (
        <fieldset>
          <legend>{a.stage === 'KB_SIGNING' ? t('kbTitle') : t('pksTitle')}</legend>
          {!pendingCopy && (
            <>
              <label htmlFor="sign-number">{t('documentNumber')}</label>
              <input id="sign-number" value={number} onChange={(e) => setNumber(e.target.value)} />
              <label htmlFor="sign-date">{t('signedOn')}</label>
              <DateInput id="sign-date" value={signedOn} onChange={setSignedOn} />
              <label htmlFor="sign-names">{t('signatories')}</label>
              <textarea id="sign-names" rows={3} value={signatories} onChange={(e) => setSignatories(e.target.value)} />
            </>
          )}
          <SignedCopyField
            pending={pendingCopy}
            onFile={(file) => {
              setCopyFile(file);
              setCopyMissing(false);
            }}
          />
        </fieldset>
      )}
      {claimed && sets && (
        <fieldset>
          <legend>PKS</legend>
          <label htmlFor="term-start">{t('termStart')}</label>
          <DateInput id="term-start" value={startsOn} onChange={setStartsOn} />
          <label htmlFor="term-end">{t('termEnd')}</label>
          <DateInput id="term-end" value={endsOn} onChange={setEndsOn} />
        </fieldset>
      )}
      {claimed && evaluates && (
        <>
          <label htmlFor="evaluation">{t('evaluationOutcome')}</label>
          <select id="evaluation" value={evaluation} onChange={(e) => setEvaluation(e.target.value as Evaluation)}>
            <option value="">{t('choose')}</option>
            {EVALUATIONS.map((e) => (
              <option key={e} value={e}>
                {t(`evaluation${e}`)}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor="step-comment">{t('decisionNote')}</label>
      <textarea id="step-comment" rows={3} value={comment} disabled={!claimed} onChange={(e) => setComment(e.target.value)} />
      {problem && <p className="field-error">{t(problem)}</p>}
      {copyMissing && <p className="field-error">{pick(DOC_TEXT.signedCopyRequired)}</p>}
      {decide.error && <ErrorMessage error={decide.error} />}
      <button type="submit" className="primary" disabled={!claimed || decide.isPending}>
        {t('decide')}
      </button>
      {confirming && outcome && (
        <ConfirmDialog
          title={t('confirmDecisionTitle')}
          confirmLabel={decide.isPending ? t('sending') : t('confirmDecision')}
          busy={decide.isPending}
          onConfirm={send}
          onCancel={() => setConfirming(false)}
        >
          <dl className="confirm-facts">
            <dt>{t('decision')}</dt>
            <dd>
              <strong>{t(OUTCOME_LABEL[outcome])}</strong>
            </dd>
            <dt>{t('agreementLabel')}</dt>
            <dd>
              {a.title} · {pick(a.stageLabel)}
            </dd>
            {signs && (
              <>
                <dt>{t('documentNumber')}</dt>
                <dd>
                  {pendingCopy
                    ? `${pendingCopy.number} · ${pendingCopy.signedOn} · ${(pendingCopy.signatories ?? []).join(', ')}`
                    : `${number.trim()} · ${signedOn} · ${names.join(', ')}`}
                </dd>
                <dt>{pick(DOC_TEXT.signedCopy)}</dt>
                <dd>{pendingCopy?.fileName ?? copyFile?.name}</dd>
              </>
            )}
            {sets && (
              <>
                <dt>
                  {t('termStart')} – {t('termEnd')}
                </dt>
                <dd>
                  {startsOn} – {endsOn}
                </dd>
              </>
            )}
            {evaluates && evaluation && (
              <>
                <dt>{t('evaluationOutcome')}</dt>
                <dd>{t(`evaluation${evaluation}`)}</dd>
              </>
            )}
            {comment.trim() && (
              <>
                <dt>{t('decisionNote')}</dt>
                <dd>{comment.trim()}</dd>
              </>
            )}
          </dl>
        </ConfirmDialog>
      )}
    </form>
  );
}
