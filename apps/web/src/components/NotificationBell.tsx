// The notification bell: the unread count, unread counts by kind (each opening the full
// list filtered to it), the newest unread notices, and marking them read. Opening one
// marks it read; it hides itself while the API answers an error.
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NOTIFICATION_TEMPLATE_LABELS, type NotificationTemplate } from '../../../../domain/notification';
import { get, post, query } from '../api/client';
import { zoneOf } from '../api/hooks';
import type { AppNotification, NotificationPage, UnreadCount } from '../api/types';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';

const PAGE_SIZE = 10;

export function NotificationBell() {
  const { t, pick } = useI18n();
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const count = useQuery({
    queryKey: ['notifications', 'count'],
    queryFn: () => get<UnreadCount>('/notifications/unread-count'),
    retry: 1,
    refetchInterval: 60_000,
  });
  const list = useQuery({
    queryKey: ['notifications', 'list'],
    queryFn: () => get<NotificationPage>(`/notifications${query({ unread: true, page: 1, pageSize: PAGE_SIZE })}`),
    enabled: open,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const readOne = useMutation({ mutationFn: (id: string) => post(`/notifications/${id}/read`), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => post('/notifications/read-all'), onSuccess: refresh });

  if (count.error || !count.data) return null;
  const items = list.data?.items ?? [];
  const kinds = Object.entries(count.data.byTemplate ?? {}).filter(([, n]) => n > 0);
  return (
    <div className="bell">
      <button type="button" aria-expanded={open} aria-controls="bell-panel" onClick={() => setOpen(!open)}>
        <span aria-hidden="true">🔔</span> <span className="bell-label">{t('notifications')}</span>{' '}
        <span className="count" data-testid="unread-count">
          {count.data.unread}
        </span>
        <span className="sr-only"> {t('unread')}</span>
      </button>
      {open && (
        <div className="bell-panel" id="bell-panel">
          {kinds.length > 0 && (
            <ul className="bell-kinds" data-testid="unread-by-kind" aria-label={t('unreadByKind')}>
              {kinds.map(([kind, n]) => (
                <li key={kind}>
                  <Link to={`/notifications?template=${kind}`} onClick={() => setOpen(false)}>
                    {pick(NOTIFICATION_TEMPLATE_LABELS[kind as NotificationTemplate] ?? { id: kind, en: kind })}
                  </Link>{' '}
                  <span className="count">{n}</span>
                </li>
              ))}
            </ul>
          )}
          {list.isLoading ? (
            <p>{t('loading')}</p>
          ) : items.length === 0 ? (
            <p>{t('noNotifications')}</p>
          ) : (
            <ul className="notifications">
              {items.map((n) => (
                <NotificationItem
                  key={n.id}
                  notification={n}
                  onOpen={() => {
                    readOne.mutate(n.id);
                    setOpen(false);
                  }}
                  onRead={() => readOne.mutate(n.id)}
                />
              ))}
            </ul>
          )}
          <div className="actions">
            <Link to="/notifications" onClick={() => setOpen(false)}>
              {t('allNotifications')}
            </Link>
            {items.length > 0 && (
              <button type="button" disabled={readAll.isPending} onClick={() => readAll.mutate()}>
                {t('markAllRead')}
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

export function NotificationItem({ notification: n, onOpen, onRead }: { notification: AppNotification; onOpen(): void; onRead(): void }) {
  const { t, lang } = useI18n();
  return (
    <li className={n.readAt ? 'read' : 'unread'}>
      <strong className="n-title">
        {n.planId ? (
          <Link to={`/plans/${n.planId}`} onClick={onOpen}>
            {n.title}
          </Link>
        ) : (
          n.title
        )}
      </strong>
      <p className="n-body">{n.body}</p>
      <p className="n-meta">
        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, lang, zoneOf(n.regionCode))}</time>{' '}
        {!n.readAt && (
          <button type="button" className="link-button" onClick={onRead}>
            {t('markRead')}
            <span className="sr-only">: {n.title}</span>
          </button>
        )}
      </p>
    </li>
  );
}
