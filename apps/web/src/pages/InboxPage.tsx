// The reviewer's inbox: scope, stage, overdue filter and sort, with counts per stage.
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { get, query } from '../api/client';
import { useEnumerations, useLabel } from '../api/hooks';
import type { Inbox } from '../api/types';
import { Pager } from '../components/Pager';
import { QueryView } from '../components/Status';
import { TaskList } from '../components/TaskList';
import { useI18n } from '../i18n/i18n';

const REVIEW_STAGES = [
  'VERIFICATION',
  'BAPPEDA_REVIEW',
  'TKKSD_DELIBERATION',
  'HEAD_OF_REGION_APPROVAL',
  'BUDGET_SIGNOFF',
  'DPRD_APPROVAL',
  'RKA_CONFIRMATION',
];

export function InboxPage() {
  const { t } = useI18n();
  useEnumerations();
  const label = useLabel();
  const [params, setParams] = useSearchParams();
  const filters = {
    scope: params.get('scope') ?? 'all',
    stage: params.get('stage') ?? '',
    sort: params.get('sort') ?? 'due',
    overdue: params.get('overdue') === 'true' ? 'true' : '',
    page: Number(params.get('page') ?? 1),
  };
  const inbox = useQuery({ queryKey: ['inbox', filters], queryFn: () => get<Inbox>(`/review-tasks${query({ ...filters, pageSize: 20 })}`) });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  return (
    <>
      <h1>{t('inboxTitle')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="i-scope">{t('scope')}</label>
          <select id="i-scope" value={filters.scope} onChange={(e) => set('scope', e.target.value)}>
            <option value="all">{t('scopeAll')}</option>
            <option value="mine">{t('scopeMine')}</option>
            <option value="available">{t('scopeAvailable')}</option>
          </select>
        </div>
        <div>
          <label htmlFor="i-stage">{t('stage')}</label>
          <select id="i-stage" value={filters.stage} onChange={(e) => set('stage', e.target.value)}>
            <option value="">{t('all')}</option>
            {REVIEW_STAGES.map((s) => (
              <option key={s} value={s}>
                {label('planStages', s)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="i-sort">{t('sort')}</label>
          <select id="i-sort" value={filters.sort} onChange={(e) => set('sort', e.target.value)}>
            <option value="due">{t('sortDue')}</option>
            <option value="priority">{t('sortPriority')}</option>
            <option value="created">{t('sortCreated')}</option>
          </select>
        </div>
        <div className="checkbox">
          <input id="i-overdue" type="checkbox" checked={filters.overdue === 'true'} onChange={(e) => set('overdue', e.target.checked ? 'true' : '')} />
          <label htmlFor="i-overdue">{t('onlyOverdue')}</label>
        </div>
      </form>
      <QueryView query={inbox}>
        {(data) => (
          <>
            <ul className="stage-counts inline" aria-label={t('plansByStage')}>
              {Object.entries(data.countsByStage).map(([stage, count]) => (
                <li key={stage}>
                  {label('planStages', stage)}: <strong>{count}</strong>
                </li>
              ))}
            </ul>
            <TaskList tasks={data.items} />
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => set('page', String(p))} />
          </>
        )}
      </QueryView>
    </>
  );
}
