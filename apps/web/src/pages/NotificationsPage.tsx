// Every notification of the caller, newest first: by kind, unread only or all, paged.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { NOTIFICATION_TEMPLATE_LABELS, NotificationTemplate } from '../../../../domain/notification';
import { get, post, query } from '../api/client';
import type { NotificationPage } from '../api/types';
import { NotificationItem } from '../components/NotificationBell';
import { Pager } from '../components/Pager';
import { QueryView } from '../components/Status';
import { useI18n } from '../i18n/i18n';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  const { t, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const template = params.get('template') ?? '';
  const unread = params.get('unread') === 'true';
  const page = Number(params.get('page') ?? '1') || 1;
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['notifications', 'page', template, unread, page],
    queryFn: () =>
      get<NotificationPage>(`/notifications${query({ ...(template && { template }), ...(unread && { unread: true }), page, pageSize: PAGE_SIZE })}`),
  });
  const readOne = useMutation({
    mutationFn: (id: string) => post(`/notifications/${id}/read`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next);
  };
  return (
    <section aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t('notifications')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="n-kind">{t('notificationKind')}</label>
        <select id="n-kind" value={template} onChange={(e) => set('template', e.target.value)}>
          <option value="">{t('all')}</option>
          {Object.values(NotificationTemplate).map((kind) => (
            <option key={kind} value={kind}>
              {pick(NOTIFICATION_TEMPLATE_LABELS[kind])}
            </option>
          ))}
        </select>
        <div className="checkbox">
          <input id="n-unread" type="checkbox" checked={unread} onChange={(e) => set('unread', e.target.checked ? 'true' : '')} />
          <label htmlFor="n-unread">{t('onlyUnread')}</label>
        </div>
      </form>
      <QueryView query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('noNotificationsAtAll')}</p>
          ) : (
            <>
              <p className="hint" data-testid="notifications-total">
                {data.total} {t('notifications').toLowerCase()}
              </p>
              <ul className="notifications full">
                {data.items.map((n) => (
                  <NotificationItem key={n.id} notification={n} onOpen={() => !n.readAt && readOne.mutate(n.id)} onRead={() => readOne.mutate(n.id)} />
                ))}
              </ul>
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(p) => set('page', String(p))} />
            </>
          )
        }
      </QueryView>
    </section>
  );
}
