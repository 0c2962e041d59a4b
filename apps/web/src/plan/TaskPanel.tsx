// The open review task beside the plan: who holds it, claim / release / reassign, and
// the decision of whoever may act at this stage.
import { useState } from 'react';
import { STAGE_ROLE } from '../../../../domain/access-policy';
import { post } from '../api/client';
import type { Plan } from '../api/types';
import { hasRole } from '../auth/roles';
import { useUser } from '../auth/session';
import { ErrorMessage } from '../components/Status';
import { useI18n } from '../i18n/i18n';
import { DecisionForm } from './DecisionForm';
import { usePlanAction } from './usePlan';
import { VotePanel } from './VotePanel';

export function TaskPanel({ plan }: { plan: Plan }) {
  const user = useUser();
  const { t } = useI18n();
  const role = STAGE_ROLE[plan.stage];
  const task = plan.task;
  const actsHere = Boolean(role && hasRole(user, role, plan.regionCode) && plan.createdBy !== user.username);
  const mine = task?.assignee?.userId === user.id;
  const claim = usePlanAction(plan.id, () => post(`/plans/${plan.id}/task/claim`));
  const release = usePlanAction(plan.id, () => post(`/plans/${plan.id}/task/release`));
  const error = claim.error ?? release.error;
  if (!role) return null;
  return (
    <aside className="card task-panel" aria-labelledby="task-title">
      <h2 id="task-title">{t('reviewTask')}</h2>
      <p>
        {t('assignee')}: <strong data-testid="task-assignee">{task?.assignee?.name ?? t('unassigned')}</strong>
      </p>
      {plan.stage === 'TKKSD_DELIBERATION' && <VotePanel plan={plan} />}
      {actsHere && (
        <>
          <div className="actions">
            {!task?.assignee && (
              <button type="button" disabled={claim.isPending} onClick={() => claim.mutate(undefined)}>
                {t('claim')}
              </button>
            )}
            {mine && (
              <button type="button" disabled={release.isPending} onClick={() => release.mutate(undefined)}>
                {t('release')}
              </button>
            )}
          </div>
          {error && <ErrorMessage error={error} />}
          {mine && <ReassignForm plan={plan} />}
          {(!task?.assignee || mine) && <DecisionForm plan={plan} />}
        </>
      )}
    </aside>
  );
}

function ReassignForm({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const [toUserId, setTo] = useState('');
  const [reason, setReason] = useState('');
  const reassign = usePlanAction(plan.id, () => post(`/plans/${plan.id}/task/reassign`, { toUserId: toUserId.trim(), reason }));
  return (
    <details>
      <summary>{t('reassign')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          reassign.mutate(undefined);
        }}
      >
        <label htmlFor="reassign-to">{t('reassignTo')}</label>
        <input id="reassign-to" required value={toUserId} onChange={(e) => setTo(e.target.value)} />
        <label htmlFor="reassign-reason">{t('reason')}</label>
        <input id="reassign-reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
        {reassign.error && <ErrorMessage error={reassign.error} />}
        <button type="submit" disabled={reassign.isPending}>
          {t('reassign')}
        </button>
      </form>
    </details>
  );
}
