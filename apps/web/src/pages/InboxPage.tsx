// The reviewer's inbox: scope, stage, overdue filter and sort, with counts per stage.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useUser } from '../auth/session';
import { get, query } from '../api/client';
import { useEnumerations, useLabel } from '../api/hooks';
import type { Inbox } from '../api/types';
import { Pager } from '../components/Pager';
import { QueryView } from '../components/Status';
import { TaskList, useStageKeyLabel } from '../components/TaskList';
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
  const stageName = useStageKeyLabel();
  const [params, setParams] = useSearchParams();
  const filters = {
    scope: params.get('scope') ?? 'all',
    stage: params.get('stage') ?? '',
    sort: params.get('sort') ?? (params.get('scope') === 'completed' ? 'newest' : 'due'),
    overdue: params.get('overdue') === 'true' ? 'true' : '',
    q: params.get('q') ?? '',
    planId: params.get('planId') ?? '',
    page: Number(params.get('page') ?? 1),
  };
  const [words, setWords] = useState(filters.q);
  const completed = filters.scope === 'completed';
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
      <SavedFilters />
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          set('q', words.trim());
        }}
      >
        <div>
          <label htmlFor="i-q">{t('searchTasks')}</label>
          <input
            id="i-q"
            type="search"
            value={words}
            placeholder={t('searchTasksHint')}
            onChange={(e) => setWords(e.target.value)}
            onBlur={() => set('q', words.trim())}
          />
        </div>
        <div>
          <label htmlFor="i-scope">{t('scope')}</label>
          <select id="i-scope" value={filters.scope} onChange={(e) => set('scope', e.target.value)}>
            <option value="all">{t('scopeAll')}</option>
            <option value="mine">{t('scopeMine')}</option>
            <option value="available">{t('scopeAvailable')}</option>
            <option value="completed">{t('scopeCompleted')}</option>
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
            {!completed && <option value="due">{t('sortDue')}</option>}
            {!completed && <option value="priority">{t('sortPriority')}</option>}
            <option value="newest">{completed ? t('sortNewestDone') : t('sortCreated')}</option>
            <option value="oldest">{t('sortOldest')}</option>
          </select>
        </div>
        {!completed && (
          <div className="checkbox">
            <input id="i-overdue" type="checkbox" checked={filters.overdue === 'true'} onChange={(e) => set('overdue', e.target.checked ? 'true' : '')} />
            <label htmlFor="i-overdue">{t('onlyOverdue')}</label>
          </div>
        )}
        {filters.planId && (
          <p className="chip">
            {t('onePlanOnly')}{' '}
            <button type="button" className="link-button" onClick={() => set('planId', '')}>
              {t('showAllPlans')}
            </button>
          </p>
        )}
      </form>
      <QueryView query={inbox}>
        {(data) => (
          <>
            <ul className="stage-counts inline" aria-label={t('plansByStage')}>
              {Object.entries(data.countsByStage).map(([stage, count]) => (
                <li key={stage}>
                  {stageName(stage)}:&nbsp;<strong>{count}</strong>
                </li>
              ))}
            </ul>
            <TaskList tasks={data.items} keepOrder={filters.sort !== 'due'} />
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => set('page', String(p))} />
          </>
        )}
      </QueryView>
    </>
  );
}

interface SavedFilter {
  name: string;
  search: string;
}

/** A reviewer's own named filters, kept in this browser per user: one click back to a view they use daily. */
function SavedFilters() {
  const { t } = useI18n();
  const user = useUser();
  const [params] = useSearchParams();
  const key = `jalin.inbox-filters.${user.id}`;
  const [saved, setSaved] = useState<SavedFilter[]>(() => {
    try {
      const list = JSON.parse(localStorage.getItem(key) ?? '[]') as SavedFilter[];
      return Array.isArray(list) ? list.filter((f) => typeof f?.name === 'string' && typeof f?.search === 'string') : [];
    } catch {
      return [];
    }
  });
  const [name, setName] = useState('');
  const store = (next: SavedFilter[]) => {
    setSaved(next);
    localStorage.setItem(key, JSON.stringify(next));
  };
  const current = new URLSearchParams(params);
  current.delete('page');
  return (
    <section className="saved-filters" aria-labelledby="saved-filters-title">
      <h2 id="saved-filters-title" className="sr-only">
        {t('savedFilters')}
      </h2>
      {saved.length > 0 && (
        <ul className="inline" aria-label={t('savedFilters')}>
          {saved.map((f) => (
            <li key={f.name}>
              <Link to={`/inbox?${f.search}`}>{f.name}</Link>{' '}
              <button type="button" className="link-button" onClick={() => store(saved.filter((s) => s.name !== f.name))}>
                {t('remove')}
                <span className="sr-only">: {f.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('saveFilter')}</summary>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const trimmed = name.trim();
            if (!trimmed) return;
            store([...saved.filter((s) => s.name !== trimmed), { name: trimmed, search: current.toString() }]);
            setName('');
          }}
        >
          <div>
            <label htmlFor="saved-filter-name">{t('saveFilterAs')}</label>
            <input id="saved-filter-name" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <button type="submit" disabled={!name.trim()}>
            {t('saveFilter')}
          </button>
        </form>
      </details>
    </section>
  );
}
