// Users with a role in the admin's regions: create, (de)activate, grant and revoke roles.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post } from '../api/client';
import type { AdminUser } from '../api/types';
import { ROLES, ROLE_LABELS } from '../../../../domain/role';
import { useUser } from '../auth/session';
import { RegionLabel, RegionOption } from '../components/RegionLabel';
import { ErrorMessage, QueryView } from '../components/Status';
import { useI18n } from '../i18n/i18n';

export function AdminUsersPage() {
  const { t } = useI18n();
  const users = useQuery({ queryKey: ['admin-users'], queryFn: () => get<AdminUser[]>('/admin/users') });
  return (
    <>
      <h1>{t('usersTitle')}</h1>
      <CreateUserForm />
      <QueryView query={users}>
        {(items) => (
          <ul className="user-list">
            {items.map((u) => (
              <UserCard key={u.id} user={u} />
            ))}
          </ul>
        )}
      </QueryView>
    </>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['admin-users'] });
}

function CreateUserForm() {
  const { t } = useI18n();
  const refresh = useRefresh();
  const [form, setForm] = useState({ username: '', displayName: '', email: '', password: '' });
  const create = useMutation({
    mutationFn: () => post('/admin/users', { ...form, email: form.email || undefined }),
    onSuccess: () => {
      setForm({ username: '', displayName: '', email: '', password: '' });
      return refresh();
    },
  });
  const field = (key: keyof typeof form, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`new-${key}`}>{label}</label>
      <input id={`new-${key}`} type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </div>
  );
  return (
    <details className="card">
      <summary>{t('createUser')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <div className="row">
          {field('username', t('username'))}
          {field('displayName', t('displayName'))}
          {field('email', t('email'), 'email')}
          {field('password', t('password'), 'password')}
        </div>
        {create.error && <ErrorMessage error={create.error} />}
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('createUser')}
        </button>
      </form>
    </details>
  );
}

function UserCard({ user }: { user: AdminUser }) {
  const { t, pick } = useI18n();
  const me = useUser();
  const refresh = useRefresh();
  const adminRegions = [...new Set(me.grants.filter((g) => g.role === 'ADMIN').map((g) => g.regionCode))];
  const [grant, setGrant] = useState({ role: 'OFFICER', regionCode: adminRegions[0] ?? '', agency: '' });
  const toggle = useMutation({ mutationFn: () => patch(`/admin/users/${user.id}`, { active: !user.active }), onSuccess: refresh });
  // Revoking and deactivating take effect at once, also for tokens already issued: ask first.
  const confirmThen = (question: string, action: () => void) => {
    if (window.confirm(question)) action();
  };
  const add = useMutation({
    mutationFn: () =>
      post(`/admin/users/${user.id}/grants`, { role: grant.role, regionCode: grant.regionCode, ...(grant.role === 'OFFICER' && { agency: grant.agency }) }),
    onSuccess: refresh,
  });
  const revoke = useMutation({ mutationFn: (grantId: string) => del(`/admin/users/${user.id}/grants/${grantId}`), onSuccess: refresh });
  const error = toggle.error ?? add.error ?? revoke.error;
  const prefix = `u-${user.id}`;
  return (
    <li className="card">
      <h2>
        {user.displayName} <small>({user.username})</small> {!user.active && <span className="badge">{t('inactive')}</span>}
      </h2>
      <ul>
        {user.grants.map((g) => (
          <li key={g.id}>
            {pick(ROLE_LABELS[g.role as keyof typeof ROLE_LABELS] ?? { id: g.role, en: g.role })} · <RegionLabel code={g.regionCode} />
            {g.agency && ` · ${g.agency}`}{' '}
            <button type="button" onClick={() => confirmThen(t('confirmRevoke'), () => revoke.mutate(g.id))}>
              {t('revoke')}
            </button>
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('grant')}</summary>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <div>
            <label htmlFor={`${prefix}-role`}>{t('role')}</label>
            <select id={`${prefix}-role`} value={grant.role} onChange={(e) => setGrant({ ...grant, role: e.target.value })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {pick(ROLE_LABELS[r])}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${prefix}-region`}>{t('region')}</label>
            <select id={`${prefix}-region`} value={grant.regionCode} onChange={(e) => setGrant({ ...grant, regionCode: e.target.value })}>
              {adminRegions.map((r) => (
                <RegionOption key={r} code={r} />
              ))}
            </select>
          </div>
          {grant.role === 'OFFICER' && (
            <div>
              <label htmlFor={`${prefix}-agency`}>{t('agency')}</label>
              <input id={`${prefix}-agency`} value={grant.agency} onChange={(e) => setGrant({ ...grant, agency: e.target.value })} />
            </div>
          )}
          <button type="submit" disabled={add.isPending}>
            {t('grant')}
          </button>
        </form>
      </details>
      <button
        type="button"
        onClick={() => (user.active ? confirmThen(t('confirmDeactivate'), () => toggle.mutate()) : toggle.mutate())}
        disabled={toggle.isPending}
      >
        {user.active ? t('deactivate') : t('activate')}
      </button>
      {error && <ErrorMessage error={error} />}
    </li>
  );
}
