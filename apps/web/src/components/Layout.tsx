// The frame of every screen after login: skip link, header with navigation, main area.
import { NavLink, Outlet } from 'react-router';
import { isAdmin, isCalendarKeeper, isOfficer, isReviewer, keepsDocuments, seesReporting } from '../auth/roles';
import { useSession, useUser } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { FlashProvider } from './Flash';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';

export function Layout() {
  const user = useUser();
  const { logout } = useSession();
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <strong>{t('appName')}</strong> <span>{t('appTagline')}</span>
        </div>
        <nav aria-label={t('mainNav')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('navDashboard')}
              </NavLink>
            </li>
            {isReviewer(user) && (
              <li>
                <NavLink to="/inbox">{t('navInbox')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/plans" end>
                {t('navPlans')}
              </NavLink>
            </li>
            {!isCalendarKeeper(user) && (
              <li>
                <NavLink to="/agreements">{t('navAgreements')}</NavLink>
              </li>
            )}
            {isOfficer(user) && (
              <li>
                <NavLink to="/plans/new">{t('navNewPlan')}</NavLink>
              </li>
            )}
            {keepsDocuments(user) && (
              <li>
                <NavLink to="/documents">{t('navDocuments')}</NavLink>
              </li>
            )}
            {isAdmin(user) && (
              <li>
                <NavLink to="/admin/users">{t('navUsers')}</NavLink>
              </li>
            )}
            {isAdmin(user) && (
              <li>
                <NavLink to="/admin/calendar">{t('navCalendar')}</NavLink>
              </li>
            )}
            {seesReporting(user) && (
              <li>
                <NavLink to="/reporting">{t('navReporting')}</NavLink>
              </li>
            )}
            {isCalendarKeeper(user) && (
              <li>
                <NavLink to="/keeper/days-off">{t('navDaysOff')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="header-tools">
          <NotificationBell />
          <LanguageSwitch />
          <span className="who" data-testid="current-user">
            {user.displayName}
          </span>
          <button type="button" onClick={logout}>
            {t('logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <FlashProvider>
          <Outlet />
        </FlashProvider>
      </main>
    </>
  );
}
