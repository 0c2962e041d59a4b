// Approve, return with a comment, or reject with a reason. What was typed stays when the
// server refuses, so the reviewer can correct and resend.
import { useState } from 'react';
import { post } from '../api/client';
import { useEnumerations } from '../api/hooks';
import type { Plan, ReviewDecision } from '../api/types';
import { ErrorMessage } from '../components/Status';
import { useI18n } from '../i18n/i18n';
import { PlacementFields, type Placement } from './PlacementFields';
import { usePlanAction } from './usePlan';

type Outcome = ReviewDecision['outcome'];

export function DecisionForm({ plan }: { plan: Plan }) {
  const { t, pick } = useI18n();
  const enums = useEnumerations();
  const [outcome, setOutcome] = useState<Outcome>('APPROVE');
  const [comment, setComment] = useState('');
  const [reasonCode, setReasonCode] = useState('');
  const [localError, setLocalError] = useState(false);
  const [placement, setPlacement] = useState<Placement>({ ceiling: String(plan.estimatedCost), fundingSource: plan.fundingSource ?? '' });
  const places = plan.stage === 'BUDGET_SIGNOFF' && outcome === 'APPROVE';
  const decide = usePlanAction(plan.id, () =>
    post(`/plans/${plan.id}/decisions`, {
      stage: plan.stage,
      outcome,
      ...(comment.trim() && { comment: comment.trim() }),
      ...(outcome === 'REJECT' && reasonCode && { reasonCode }),
      ...(places && { placement: { ceiling: Number(placement.ceiling), fundingSource: placement.fundingSource } }),
    }),
  );
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const needsComment = outcome !== 'APPROVE' && !comment.trim();
    setLocalError(needsComment);
    if (!needsComment) decide.mutate(undefined);
  };
  const outcomes: Array<[Outcome, string]> = [
    ['APPROVE', t('approve')],
    ['RETURN_FOR_REVISION', t('returnForRevision')],
    ['REJECT', t('reject')],
  ];
  return (
    <form className="decision" onSubmit={onSubmit}>
      <fieldset>
        <legend>{plan.stage === 'TKKSD_DELIBERATION' ? t('recommendation') : t('decision')}</legend>
        {outcomes.map(([value, text]) => (
          <div className="radio" key={value}>
            <input type="radio" id={`outcome-${value}`} name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} />
            <label htmlFor={`outcome-${value}`}>{text}</label>
          </div>
        ))}
      </fieldset>
      {places && <PlacementFields value={placement} minimum={plan.estimatedCost} onChange={setPlacement} />}
      {outcome === 'REJECT' && (
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
      <label htmlFor="decision-comment">{t('comment')}</label>
      <textarea
        id="decision-comment"
        rows={4}
        value={comment}
        aria-invalid={localError}
        aria-describedby={localError ? 'comment-required' : undefined}
        onChange={(e) => setComment(e.target.value)}
      />
      {localError && (
        <p id="comment-required" className="field-error">
          {t('commentRequired')}
        </p>
      )}
      {decide.error && <ErrorMessage error={decide.error} />}
      <button type="submit" className="primary" disabled={decide.isPending}>
        {t('decide')}
      </button>
    </form>
  );
}
