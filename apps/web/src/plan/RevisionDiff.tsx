// What changed between two submitted revisions, field by field.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../api/client';
import type { PlanRevisionDiff, Revision } from '../api/types';
import { QueryView } from '../components/Status';
import { useI18n } from '../i18n/i18n';

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

export function RevisionDiff({ planId }: { planId: string }) {
  const { t } = useI18n();
  const revisions = useQuery({ queryKey: ['plan-extra', planId, 'revisions'], queryFn: () => get<Revision[]>(`/plans/${planId}/revisions`) });
  return (
    <section className="card" aria-labelledby="diff-title">
      <h2 id="diff-title">{t('revisions')}</h2>
      <QueryView query={revisions}>
        {(items) => (items.length < 2 ? <p>{t('needTwoRevisions')}</p> : <DiffPicker planId={planId} revisions={items.map((r) => r.revision)} />)}
      </QueryView>
    </section>
  );
}

function DiffPicker({ planId, revisions }: { planId: string; revisions: number[] }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(revisions.at(-2)!);
  const [to, setTo] = useState(revisions.at(-1)!);
  const diff = useQuery({
    queryKey: ['plan-extra', planId, 'diff', from, to],
    queryFn: () => get<PlanRevisionDiff>(`/plans/${planId}/revisions/diff${query({ from, to })}`),
    enabled: from < to,
  });
  return (
    <>
      <div className="inline-form">
        <div>
          <label htmlFor="diff-from">{t('from')}</label>
          <select id="diff-from" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {revisions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="diff-to">{t('to')}</label>
          <select id="diff-to" value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {revisions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
      </div>
      {from < to && (
        <QueryView query={diff}>
          {(data) =>
            data.changes.length === 0 ? (
              <p>{t('noChanges')}</p>
            ) : (
              <div className="table-wrap" tabIndex={0}>
                <table className="diff">
                  <caption className="sr-only">{t('revisions')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('field')}</th>
                      <th scope="col">{t('before')}</th>
                      <th scope="col">{t('after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.changes.map((c) => (
                      <tr key={c.path} className={`change-${c.kind.toLowerCase()}`}>
                        <th scope="row">
                          <code>{c.path}</code>
                        </th>
                        <td>
                          <del>{show(c.before)}</del>
                        </td>
                        <td>
                          <ins>{show(c.after)}</ins>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryView>
      )}
    </>
  );
}
