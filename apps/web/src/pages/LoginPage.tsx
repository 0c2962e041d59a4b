import { useState, type FormEvent } from 'react';
import { useSession } from '../auth/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { ErrorMessage } from '../components/Status';
import { useI18n } from '../i18n/i18n';

export function LoginPage() {
  const { login } = useSession();
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login">
      <div className="login-card">
        <LanguageSwitch />
        <h1>
          {t('appName')} <small>{t('appTagline')}</small>
        </h1>
        <form onSubmit={onSubmit}>
          <h2>{t('loginTitle')}</h2>
          <label htmlFor="username">{t('username')}</label>
          <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
          <label htmlFor="password">{t('password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error !== null && <ErrorMessage error={error} />}
          <button type="submit" className="primary" disabled={busy}>
            {t('loginButton')}
          </button>
        </form>
        <p className="hint">{t('demoHint')}</p>
      </div>
    </main>
  );
}
