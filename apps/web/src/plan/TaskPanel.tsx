// The open review task beside the plan: who holds it, claim / release / reassign, and
// the decision of whoever holds it. At the TKKSD the vote comes first and the chair's
// recommendation only once it has closed; the head of region reads both before deciding.
import { useState } from 'react';
import { STAGE_ROLE } from '../../../../domain/access-policy';
import { useQuery } from '@tanstack/react-query';
import { get, post } from '../api/client';
import type { Person, Plan } from '../api/types';
import { hasRole } from '../auth/roles';
import { useUser } from '../auth/session';
import { useFlash } from '../components/Flash';
import { ErrorMessage } from '../components/Status';
import { useI18n } from '../i18n/i18n';
import { DecisionForm } from './DecisionForm';
import { usePlanAction } from './usePlan';
import { Tally, VotePanel } from './VotePanel';

export function TaskPanel({ plan }: { plan: Plan }) {
  const user = useUser();
  const { t } = useI18n();
  const flash = useFlash();
  const role = STAGE_ROLE[plan.stage];
  const task = plan.task;
  const actsHere = Boolean(role && hasRole(user, role, plan.regionCode) && plan.createdBy !== user.username);
  const mine = task?.assignee?.userId === user.id;
  const claim = usePlanAction(plan.id, () => post(`/plans/${plan.id}/task/claim`));
  const release = usePlanAction(plan.id, () => post(`/plans/${plan.id}/task/release`));
  const takeBack = usePlanAction(plan.id, () => post(`/plans/${plan.id}/task/take-back`));
  const error = claim.error ?? release.error ?? takeBack.error;
  if (!role) return null;
  const deliberating = plan.stage === 'TKKSD_DELIBERATION';
  const voteClosed = Boolean(deliberating && plan.deliberation?.revision === plan.revision && plan.deliberation.outcome);
  const decisionForm = (!task?.assignee || mine) && <DecisionForm plan={plan} claimed={mine} />;
  return (
    <aside className="card task-panel" aria-labelledby="task-title">
      <h2 id="task-title">{t('reviewTask')}</h2>
      <p>
        {t('assignee')}: <strong data-testid="task-assignee">{task?.assignee?.name ?? t('unassigned')}</strong>
      </p>
      {actsHere && (
        <>
          <div className="actions">
            {!task?.assignee && (
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
          {mine && <PassTaskForm plan={plan} />}
          {task?.delegatedFrom?.userId === user.id && !mine && (
            <button type="button" disabled={takeBack.isPending} onClick={() => takeBack.mutate(undefined, { onSuccess: () => flash(t('takenBack')) })}>
              {t('takeBack')}
            </button>
          )}
        </>
      )}
      {deliberating && <VotePanel plan={plan} />}
      {plan.stage === 'HEAD_OF_REGION_APPROVAL' && <TkksdSummary plan={plan} />}
      {actsHere &&
        (deliberating ? (
          <section aria-labelledby="recommendation-step-title">
            <h3 id="recommendation-step-title">{t('recommendationStep')}</h3>
            {voteClosed ? decisionForm : <p className="hint">{t('recommendationAfterVote')}</p>}
          </section>
        ) : (
          decisionForm
        ))}
    </aside>
  );
}

/** What the head of region weighs: the TKKSD's tally and its chair's recommendation on this revision. */
function TkksdSummary({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const recommendation = plan.history.findLast((h) => h.fromStage === 'TKKSD_DELIBERATION' && h.toStage === 'HEAD_OF_REGION_APPROVAL');
  return (
    <section aria-labelledby="tkksd-summary-title" className="tally" data-testid="tkksd-summary">
      <h3 id="tkksd-summary-title">{t('tkksdSummary')}</h3>
      {plan.deliberation?.revision === plan.revision && <Tally plan={plan} />}
      <p>
        <span className="label">{t('recommendation')}:</span>{' '}
        {recommendation ? (
          <>
            {t('recommendsApproval')} <strong>{recommendation.actor}</strong>
            {recommendation.comment && <q data-testid="recommendation-note"> {recommendation.comment}</q>}
          </>
        ) : (
          t('noRecommendationYet')
        )}
      </p>
    </section>
  );
}

/** Reassign (with a reason) or delegate the task to a colleague holding the stage's role in the region, picked by name. */
function PassTaskForm({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const flash = useFlash();
  const [how, setHow] = useState<'reassign' | 'delegate'>('reassign');
  const [toUserId, setTo] = useState('');
  const [reason, setReason] = useState('');
  const colleagues = useQuery({
    queryKey: ['plan-extra', plan.id, 'task-candidates', plan.task?.openSequence],
    queryFn: () => get<Person[]>(`/plans/${plan.id}/task/candidates`),
  });
  const pass = usePlanAction(plan.id, () => post(`/plans/${plan.id}/task/${how}`, { toUserId, ...(reason.trim() && { reason: reason.trim() }) }));
  const chosen = colleagues.data?.find((c) => c.userId === toUserId);
  return (
    <details>
      <summary>{t('passTask')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          pass.mutate(undefined, { onSuccess: () => flash(`${how === 'reassign' ? t('reassigned') : t('delegated')} ${chosen?.name ?? ''}`) });
        }}
      >
        <fieldset>
          <legend>{t('passHow')}</legend>
          <div className="radio">
            <input type="radio" id="pass-reassign" name="pass-how" checked={how === 'reassign'} onChange={() => setHow('reassign')} />
            <label htmlFor="pass-reassign">{t('reassign')}</label>
          </div>
          <div className="radio">
            <input type="radio" id="pass-delegate" name="pass-how" checked={how === 'delegate'} onChange={() => setHow('delegate')} />
            <label htmlFor="pass-delegate">{t('delegate')}</label>
          </div>
        </fieldset>
        <label htmlFor="reassign-to">{t('reassignTo')}</label>
        <select id="reassign-to" required value={toUserId} onChange={(e) => setTo(e.target.value)}>
          <option value="">{colleagues.isPending ? t('loading') : colleagues.data?.length ? t('choose') : t('noColleagues')}</option>
          {colleagues.data?.map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.name}
            </option>
          ))}
        </select>
        <label htmlFor="reassign-reason">{how === 'reassign' ? t('reason') : t('reasonOptional')}</label>
        <input id="reassign-reason" required={how === 'reassign'} value={reason} onChange={(e) => setReason(e.target.value)} />
        {pass.error && <ErrorMessage error={pass.error} />}
        <button type="submit" disabled={pass.isPending || !toUserId}>
          {how === 'reassign' ? t('reassign') : t('delegate')}
        </button>
      </form>
    </details>
  );
}
