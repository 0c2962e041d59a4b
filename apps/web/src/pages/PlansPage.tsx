// Plans the user may see, filtered by stage, budget year and title; filters live in the URL.
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { get, query } from '../api/client';
import { useEnumerations } from '../api/hooks';
import type { PlanPage } from '../api/types';
import { Pager } from '../components/Pager';
import { PlanTable } from '../components/PlanTable';
import { QueryView } from '../components/Status';
import { useI18n } from '../i18n/i18n';

export function PlansPage() {
  const { t, pick } = useI18n();
  const enums = useEnumerations();
  const [params, setParams] = useSearchParams();
  const filters = {
    stage: params.get('stage') ?? '',
    budgetYear: params.get('budgetYear') ?? '',
    q: params.get('q') ?? '',
    page: Number(params.get('page') ?? 1),
  };
  const plans = useQuery({
    queryKey: ['plans', filters],
    queryFn: () => get<PlanPage>(`/plans${query({ ...filters, pageSize: 20 })}`),
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  return (
    <>
      <h1>{t('plansTitle')}</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="f-q">{t('search')}</label>
          <input id="f-q" type="search" defaultValue={filters.q} onChange={(e) => set('q', e.target.value)} />
        </div>
        <div>
          <label htmlFor="f-stage">{t('stage')}</label>
          <select id="f-stage" value={filters.stage} onChange={(e) => set('stage', e.target.value)}>
            <option value="">{t('all')}</option>
            {enums.data?.planStages.map((s) => (
              <option key={s.code} value={s.code}>
                {pick(s.label)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-year">{t('budgetYear')}</label>
          <input id="f-year" type="number" inputMode="numeric" value={filters.budgetYear} onChange={(e) => set('budgetYear', e.target.value)} />
        </div>
      </form>
      <QueryView query={plans}>
        {(data) => (
          <>
            <PlanTable plans={data.items} />
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => set('page', String(p))} />
          </>
        )}
      </QueryView>
    </>
  );
}
