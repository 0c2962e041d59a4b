// The frame of every screen after login: skip link, header with navigation, main area.
// On a phone the navigation folds behind a Menu button (it opens as a list under the
// header and closes once a page is chosen), so no link sits cut off at the screen's edge.
import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
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
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <strong>{t('appName')}</strong> <span>{t('appTagline')}</span>
        </div>
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen((open) => !open)}>
          {t('menu')}
        </button>
        <nav id="main-nav" aria-label={t('mainNav')} className={menuOpen ? 'open' : undefined}>
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
