// What the proposing officer does with a plan: edit and submit a draft, withdraw it
// before a reviewer takes it up.
import { Link } from 'react-router';
import { post } from '../api/client';
import type { Plan } from '../api/types';
import { ErrorMessage } from '../components/Status';
import { useI18n } from '../i18n/i18n';
import { usePlanAction } from './usePlan';

export function OfficerActions({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const submit = usePlanAction(plan.id, () => post(`/plans/${plan.id}/submit`));
  const withdraw = usePlanAction(plan.id, () => post(`/plans/${plan.id}/withdraw`));
  const error = submit.error ?? withdraw.error;
  return (
    <div className="actions">
      {plan.stage === 'DRAFT' && (
        <>
          <Link className="button" to={`/plans/${plan.id}/edit`}>
            {t('edit')}
          </Link>
          <button type="button" className="primary" disabled={submit.isPending} onClick={() => submit.mutate(undefined)}>
            {t('submit')}
          </button>
        </>
      )}
      {plan.stage === 'VERIFICATION' && !plan.task?.assignee && (
        <button type="button" disabled={withdraw.isPending} onClick={() => withdraw.mutate(undefined)}>
          {t('withdraw')}
        </button>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
