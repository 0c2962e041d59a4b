import { Link } from 'react-router';
import { zoneOf } from '../api/hooks';
import type { PlanSummary } from '../api/types';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { StageBadge } from './StageBadge';

export function PlanTable({ plans }: { plans: PlanSummary[] }) {
  const { t, lang } = useI18n();
  if (plans.length === 0) return <p>{t('noPlans')}</p>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('title')}</th>
            <th scope="col">{t('stage')}</th>
            <th scope="col">{t('agency')}</th>
            <th scope="col">{t('budgetYear')}</th>
            <th scope="col">{t('revision')}</th>
            <th scope="col">{t('updated')}</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((plan) => (
            <tr key={plan.id}>
              <td>
                <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
              </td>
              <td>
                <StageBadge stage={plan.stage} />
              </td>
              <td>{plan.proposingAgency}</td>
              <td>{plan.budgetYear}</td>
              <td>{plan.revision}</td>
              <td>{formatDateTime(plan.updatedAt, lang, zoneOf(plan.regionCode))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
