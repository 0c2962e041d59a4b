// What changed between two submitted revisions, field by field.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../api/client';
import type { PlanRevisionDiff, Revision } from '../api/types';
import { QueryView } from '../components/Status';
import { fieldLabel } from '../../../../domain/labels';
import type { Bilingual } from '../api/types';
import { formatRupiah } from '../format';
import { useI18n, type Lang } from '../i18n/i18n';

/** A changed value as people read it: amounts in rupiah, yes/no, lists and sections field by field. */
function show(path: string, value: unknown, lang: Lang, pick: (text: Bilingual) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? (lang === 'id' ? 'Ya' : 'Yes') : lang === 'id' ? 'Tidak' : 'No';
  if (typeof value === 'number' && /(^|\.)(amount|ceiling)$/.test(path)) return formatRupiah(value, lang);
  if (Array.isArray(value)) return value.map((item, i) => show(`${path}[${i}]`, item, lang, pick)).join('; ');
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${pick(fieldLabel(key))}: ${show(`${path}.${key}`, inner, lang, pick)}`)
      .join(', ');
  return String(value);
}

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
  const { t, lang, pick } = useI18n();
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
                        <th scope="row" data-path={c.path}>
                          {pick(fieldLabel(c.path))}
                        </th>
                        <td>
                          <del>{show(c.path, c.before, lang, pick)}</del>
                        </td>
                        <td>
                          <ins>{show(c.path, c.after, lang, pick)}</ins>
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
