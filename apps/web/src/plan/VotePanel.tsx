// TKKSD deliberation, step one: the tally for everyone, and a ballot for a member who has
// not voted. A vote is chosen (none is preset) and confirmed before it is cast.
import { useState } from 'react';
import { post } from '../api/client';
import type { Plan } from '../api/types';
import { useUser } from '../auth/session';
import { useFlash } from '../components/Flash';
import { ErrorMessage } from '../components/Status';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { DELIBERATION_OUTCOME_LABELS, type DeliberationOutcome } from '../../../../domain/deliberation';
import { ConfirmDialog } from './DecisionForm';
import { usePlanAction } from './usePlan';

const VOTES = ['APPROVE', 'REJECT', 'ABSTAIN'] as const;
type VoteChoice = (typeof VOTES)[number];
const VOTE_LABEL: Record<VoteChoice, MessageKey> = { APPROVE: 'voteApprove', REJECT: 'voteReject', ABSTAIN: 'voteAbstain' };

export function VotePanel({ plan }: { plan: Plan }) {
  const user = useUser();
  const { t } = useI18n();
  const flash = useFlash();
  const [comment, setComment] = useState('');
  const [choice, setChoice] = useState<VoteChoice | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const cast = usePlanAction(plan.id, (vote: VoteChoice) => post(`/plans/${plan.id}/votes`, { vote, ...(comment.trim() && { comment: comment.trim() }) }));
  const deliberation = plan.deliberation;
  if (!deliberation || deliberation.revision !== plan.revision) return <p>{t('loading')}</p>;
  const isMember = deliberation.members.some((m) => m.userId === user.id);
  const voted = deliberation.votes.some((v) => v.voter.userId === user.id);
  return (
    <section aria-labelledby="vote-step-title" className="tally">
      <h3 id="vote-step-title">{t('voteStep')}</h3>
      <Tally plan={plan} />
      {isMember && !voted && !deliberation.outcome && (
        <form
          aria-labelledby="ballot-title"
          onSubmit={(e) => {
            e.preventDefault();
            setMissing(!choice);
            if (choice) setConfirming(true);
          }}
        >
          <fieldset>
            <legend id="ballot-title">{t('vote')}</legend>
            {VOTES.map((v) => (
              <div className="radio" key={v}>
                <input type="radio" id={`vote-${v}`} name="vote" value={v} checked={choice === v} onChange={() => setChoice(v)} />
                <label htmlFor={`vote-${v}`}>{t(VOTE_LABEL[v])}</label>
              </div>
            ))}
          </fieldset>
          <label htmlFor="vote-comment">{t('voteNote')}</label>
          <textarea id="vote-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
          {missing && <p className="field-error">{t('chooseVote')}</p>}
          {cast.error && <ErrorMessage error={cast.error} />}
          <button type="submit" className="primary" disabled={cast.isPending}>
            {t('castVote')}
          </button>
          {confirming && choice && (
            <ConfirmDialog
              title={t('confirmVoteTitle')}
              confirmLabel={cast.isPending ? t('sending') : t('confirmVote')}
              busy={cast.isPending}
              onCancel={() => setConfirming(false)}
              onConfirm={() =>
                cast.mutate(choice, {
                  onSuccess: () => {
                    setConfirming(false);
                    flash(t('voteCast'));
                  },
                  onError: () => setConfirming(false),
                })
              }
            >
              <dl className="confirm-facts">
                <dt>{t('vote')}</dt>
                <dd data-testid="confirm-outcome">
                  <strong>{t(VOTE_LABEL[choice])}</strong>
                </dd>
                <dt>{t('planLabel')}</dt>
                <dd>
                  {plan.title} · {t('revision')} {plan.revision}
                </dd>
                {comment.trim() && (
                  <>
                    <dt>{t('voteNote')}</dt>
                    <dd>{comment.trim()}</dd>
                  </>
                )}
              </dl>
              <p className="hint">{t('voteIsFinal')}</p>
            </ConfirmDialog>
          )}
        </form>
      )}
    </section>
  );
}

/** The deliberation's count, its outcome once closed, and each member's vote. */
export function Tally({ plan }: { plan: Plan }) {
  const { t, pick } = useI18n();
  const deliberation = plan.deliberation;
  if (!deliberation) return null;
  const counts = VOTES.map((v) => [v, deliberation.votes.filter((cast) => cast.vote === v).length] as const);
  return (
    <>
      <p data-testid="tally">
        <span className="label">{t('tally')}:</span> {counts.map(([v, n]) => `${t(VOTE_LABEL[v])}: ${n}`).join(' · ')} · {t('notVoted')}:{' '}
        {deliberation.members.length - deliberation.votes.length}
      </p>
      {deliberation.outcome && (
        <p>
          {t('outcome')}:{' '}
          <strong data-testid="deliberation-outcome" data-outcome={deliberation.outcome}>
            {pick(DELIBERATION_OUTCOME_LABELS[deliberation.outcome as DeliberationOutcome] ?? { id: deliberation.outcome, en: deliberation.outcome })}
          </strong>
        </p>
      )}
      <ul className="votes">
        {deliberation.members.map((m) => {
          const v = deliberation.votes.find((cast) => cast.voter.userId === m.userId);
          return (
            <li key={m.userId}>
              {m.name}: {v ? t(VOTE_LABEL[v.vote as VoteChoice]) : t('notVoted')}
              {v?.comment && <q> {v.comment}</q>}
            </li>
          );
        })}
      </ul>
    </>
  );
}
