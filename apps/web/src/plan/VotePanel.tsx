// TKKSD deliberation: the tally for everyone, and a ballot for a member who has not voted.
import { useState } from 'react';
import { post } from '../api/client';
import type { Plan } from '../api/types';
import { useUser } from '../auth/session';
import { ErrorMessage } from '../components/Status';
import { useI18n } from '../i18n/i18n';
import { DELIBERATION_OUTCOME_LABELS, type DeliberationOutcome } from '../../../../domain/deliberation';
import { usePlanAction } from './usePlan';

const VOTES = ['APPROVE', 'REJECT', 'ABSTAIN'] as const;

export function VotePanel({ plan }: { plan: Plan }) {
  const user = useUser();
  const { t, pick } = useI18n();
  const [comment, setComment] = useState('');
  const cast = usePlanAction(plan.id, (vote: string) => post(`/plans/${plan.id}/votes`, { vote, ...(comment.trim() && { comment: comment.trim() }) }));
  const deliberation = plan.deliberation;
  if (!deliberation || deliberation.revision !== plan.revision) return <p>{t('loading')}</p>;
  const voteLabel = { APPROVE: t('voteApprove'), REJECT: t('voteReject'), ABSTAIN: t('voteAbstain') } as Record<string, string>;
  const counts = VOTES.map((v) => [v, deliberation.votes.filter((cast) => cast.vote === v).length] as const);
  const isMember = deliberation.members.some((m) => m.userId === user.id);
  const voted = deliberation.votes.some((v) => v.voter.userId === user.id);
  return (
    <section aria-labelledby="tally-title" className="tally">
      <h3 id="tally-title">{t('tally')}</h3>
      <p data-testid="tally">
        {counts.map(([v, n]) => `${voteLabel[v]}: ${n}`).join(' · ')} · {t('notVoted')}: {deliberation.members.length - deliberation.votes.length}
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
              {m.name}: {v ? voteLabel[v.vote] : t('notVoted')}
              {v?.comment && <q> {v.comment}</q>}
            </li>
          );
        })}
      </ul>
      {isMember && !voted && !deliberation.outcome && (
        <form onSubmit={(e) => e.preventDefault()} aria-labelledby="ballot-title">
          <h3 id="ballot-title">{t('vote')}</h3>
          <label htmlFor="vote-comment">{t('comment')}</label>
          <textarea id="vote-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
          {cast.error && <ErrorMessage error={cast.error} />}
          <div className="actions">
            {VOTES.map((v) => (
              <button key={v} type="button" disabled={cast.isPending} onClick={() => cast.mutate(v)}>
                {voteLabel[v]}
              </button>
            ))}
          </div>
        </form>
      )}
    </section>
  );
}
