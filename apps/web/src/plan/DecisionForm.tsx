// Approve, return with a comment, or reject with a reason: deliberately. The form stays
// closed until the reviewer holds the task (the workflow refuses a decision on an
// unclaimed one), no outcome is chosen for them, and a confirmation restates the outcome,
// the plan and the comment before anything is sent. What was typed stays when the server
// refuses, so the reviewer can correct and resend.
import { useEffect, useRef, useState } from 'react';
import { post } from '../api/client';
import { useEnumerations, useLabel } from '../api/hooks';
import type { Plan, ReviewDecision } from '../api/types';
import { useFlash } from '../components/Flash';
import { ErrorMessage } from '../components/Status';
import { formatRupiah, formatRupiahInput, parseRupiah } from '../format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { PlacementFields, type Placement } from './PlacementFields';
import { usePlanAction } from './usePlan';

type Outcome = ReviewDecision['outcome'];

const OUTCOME_LABEL: Record<Outcome, MessageKey> = { APPROVE: 'approve', RETURN_FOR_REVISION: 'returnForRevision', REJECT: 'reject' };
const OUTCOME_DONE: Record<Outcome, MessageKey> = { APPROVE: 'decidedApprove', RETURN_FOR_REVISION: 'decidedReturn', REJECT: 'decidedReject' };

export function DecisionForm({ plan, claimed }: { plan: Plan; claimed: boolean }) {
  const { t, pick, lang } = useI18n();
  const label = useLabel();
  const enums = useEnumerations();
  const flash = useFlash();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [comment, setComment] = useState('');
  const [reasonCode, setReasonCode] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [placement, setPlacement] = useState<Placement>({ ceiling: formatRupiahInput(plan.estimatedCost), fundingSource: plan.fundingSource ?? '' });
  const places = plan.stage === 'BUDGET_SIGNOFF' && outcome === 'APPROVE';
  const recommends = plan.stage === 'TKKSD_DELIBERATION';
  const decide = usePlanAction(plan.id, (chosen: Outcome) =>
    post(`/plans/${plan.id}/decisions`, {
      stage: plan.stage,
      outcome: chosen,
      ...(comment.trim() && { comment: comment.trim() }),
      ...(chosen === 'REJECT' && reasonCode && { reasonCode }),
      ...(places && { placement: { ceiling: parseRupiah(placement.ceiling), fundingSource: placement.fundingSource } }),
    }),
  );
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const missing: MessageKey | null = !outcome ? 'chooseOutcome' : outcome !== 'APPROVE' && !comment.trim() ? 'commentRequired' : null;
    setProblem(missing);
    if (!missing) setConfirming(true);
  };
  const send = () => {
    if (!outcome) return;
    decide.mutate(outcome, {
      onSuccess: () => {
        setConfirming(false);
        flash(`${t(OUTCOME_DONE[outcome])} ${plan.title}`);
      },
      onError: () => setConfirming(false),
    });
  };
  const outcomes: Outcome[] = ['APPROVE', 'RETURN_FOR_REVISION', 'REJECT'];
  const commentLabel = recommends ? t('recommendationNote') : t('decisionNote');
  return (
    <form className="decision" onSubmit={onSubmit} aria-labelledby="decision-title">
      <h3 id="decision-title">{recommends ? t('recommendation') : t('decision')}</h3>
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
              id={`outcome-${value}`}
              name="outcome"
              value={value}
              checked={outcome === value}
              onChange={() => {
                setOutcome(value);
                setProblem(null);
              }}
            />
            <label htmlFor={`outcome-${value}`}>{t(OUTCOME_LABEL[value])}</label>
          </div>
        ))}
      </fieldset>
      {claimed && places && <PlacementFields value={placement} minimum={plan.estimatedCost} onChange={setPlacement} />}
      {claimed && outcome === 'REJECT' && (
        <>
          <label htmlFor="reason-code">{t('rejectionReason')}</label>
          <select id="reason-code" value={reasonCode} onChange={(e) => setReasonCode(e.target.value)}>
            <option value="">{t('choose')}</option>
            {enums.data?.rejectionReasons.map((r) => (
              <option key={r.code} value={r.code}>
                {pick(r.label)}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor="decision-comment">{commentLabel}</label>
      <textarea
        id="decision-comment"
        rows={4}
        value={comment}
        disabled={!claimed}
        aria-invalid={problem === 'commentRequired'}
        aria-describedby={problem ? 'decision-problem' : undefined}
        onChange={(e) => setComment(e.target.value)}
      />
      {problem && (
        <p id="decision-problem" className="field-error">
          {t(problem)}
        </p>
      )}
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
            <dt>{recommends ? t('recommendation') : t('decision')}</dt>
            <dd data-testid="confirm-outcome">
              <strong>{t(OUTCOME_LABEL[outcome])}</strong>
            </dd>
            <dt>{t('planLabel')}</dt>
            <dd data-testid="confirm-plan">
              {plan.title} · {t('revision')} {plan.revision} · {label('planStages', plan.stage)}
            </dd>
            {places && (
              <>
                <dt>{t('placementCeiling')}</dt>
                <dd>{formatRupiah(parseRupiah(placement.ceiling), lang)}</dd>
              </>
            )}
            {outcome === 'REJECT' && reasonCode && (
              <>
                <dt>{t('rejectionReason')}</dt>
                <dd>{pick(enums.data?.rejectionReasons.find((r) => r.code === reasonCode)?.label ?? { id: reasonCode, en: reasonCode })}</dd>
              </>
            )}
            {comment.trim() && (
              <>
                <dt>{commentLabel}</dt>
                <dd data-testid="confirm-comment">{comment.trim()}</dd>
              </>
            )}
          </dl>
          {outcome !== 'APPROVE' && <p className="hint">{outcome === 'REJECT' ? t('rejectIsFinal') : t('returnOpensRevision')}</p>}
        </ConfirmDialog>
      )}
    </form>
  );
}

/** A modal question: focus goes into it, Escape or "back" closes it, nothing is sent until confirmed. */
export function ConfirmDialog({
  title,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
  children,
}: {
  title: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="confirm" aria-labelledby="confirm-title" onCancel={onCancel} data-testid="confirm-dialog">
      <h2 id="confirm-title">{title}</h2>
      {children}
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('back')}
        </button>
      </div>
    </dialog>
  );
}
