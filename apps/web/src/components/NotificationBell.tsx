// The notification bell, against the notifications contract another branch implements:
// hidden while the endpoint answers 404 (not deployed), so nothing breaks before it lands.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, post, query } from '../api/client';
import { useI18n } from '../i18n/i18n';

interface Notification {
  id: string;
  title?: unknown;
  body?: unknown;
  message?: unknown;
  createdAt?: string;
  planId?: string;
}

const textOf = (value: unknown, lang: 'id' | 'en'): string =>
  typeof value === 'string' ? value : value && typeof value === 'object' ? String((value as Record<string, string>)[lang] ?? '') : '';

export function NotificationBell() {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const count = useQuery({
    queryKey: ['notifications', 'count'],
    queryFn: () => get<{ count: number }>('/notifications/unread-count'),
    retry: (n, error) => !(error instanceof ApiError && error.status === 404) && n < 2,
    refetchInterval: 60_000,
  });
  const list = useQuery({
    queryKey: ['notifications', 'list'],
    queryFn: () => get<{ items: Notification[] } | Notification[]>(`/notifications${query({ unread: true, page: 1 })}`),
    enabled: open,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const readOne = useMutation({ mutationFn: (id: string) => post(`/notifications/${id}/read`), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => post('/notifications/read-all'), onSuccess: refresh });

  if (count.error || !count.data) return null;
  const items = Array.isArray(list.data) ? list.data : (list.data?.items ?? []);
  return (
    <div className="bell">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">🔔</span> {t('notifications')} <span className="count">{count.data.count}</span>
      </button>
      {open && (
        <div className="bell-panel">
          {items.length === 0 ? (
            <p>{t('noNotifications')}</p>
          ) : (
            <ul>
              {items.map((n) => (
                <li key={n.id}>
                  <span>{textOf(n.title ?? n.message ?? n.body, lang)}</span>{' '}
                  <button type="button" onClick={() => readOne.mutate(n.id)}>
                    ✓<span className="sr-only">{t('markAllRead')}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => readAll.mutate()}>
            {t('markAllRead')}
          </button>
        </div>
      )}
    </div>
  );
}
