// Remarks on the plan; the text stays in the box until the server has taken it.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { get, post } from '../api/client';
import type { PlanComment } from '../api/types';
import { ErrorMessage, QueryView } from '../components/Status';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { usePlanAction } from './usePlan';

export function CommentsPanel({ planId, zone }: { planId: string; zone: string }) {
  const { t, lang } = useI18n();
  const [body, setBody] = useState('');
  const comments = useQuery({ queryKey: ['plan-extra', planId, 'comments'], queryFn: () => get<PlanComment[]>(`/plans/${planId}/comments`) });
  const add = usePlanAction(planId, () => post(`/plans/${planId}/comments`, { body: body.trim() }));
  return (
    <section className="card" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments')}</h2>
      <QueryView query={comments}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('noComments')}</p>
          ) : (
            <ul className="comments">
              {items.map((c) => (
                <li key={c.id}>
                  <strong>{c.authorName}</strong> <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, lang, zone)}</time>
                  <p>{c.body}</p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) add.mutate(undefined, { onSuccess: () => setBody('') });
        }}
      >
        <label htmlFor="new-comment">{t('addComment')}</label>
        <textarea id="new-comment" rows={2} value={body} onChange={(e) => setBody(e.target.value)} />
        {add.error && <ErrorMessage error={add.error} />}
        <button type="submit" disabled={add.isPending}>
          {t('addComment')}
        </button>
      </form>
    </section>
  );
}
