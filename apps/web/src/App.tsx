// Providers and routes. The app lives under /app/ on the API's origin.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from './api/client';
import { SessionProvider, useSession } from './auth/session';
import { Layout } from './components/Layout';
import { ErrorMessage, Loading } from './components/Status';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AgreementPage } from './pages/AgreementPage';
import { AgreementsPage } from './pages/AgreementsPage';
import { AdminCalendarPage } from './pages/AdminCalendarPage';
import { KeeperDaysOffPage } from './pages/KeeperDaysOffPage';
import { AdminUsersPage } from './pages/AdminUsersPage';
import { DashboardPage } from './pages/DashboardPage';
import { InboxPage } from './pages/InboxPage';
import { LoginPage } from './pages/LoginPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { PlanningDocumentsPage } from './pages/PlanningDocumentsPage';
import { PlanFormPage } from './pages/PlanFormPage';
import { PlanPage } from './pages/PlanPage';
import { PlansPage } from './pages/PlansPage';
import { ReportPage, ReportingPage } from './pages/ReportingPage';

const queryClient = new QueryClient({
  defaultOptions: {
    // A refusal (4xx) will not change on retry; a network blip may.
    queries: { retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2, staleTime: 5_000 },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionProvider>
          <BrowserRouter basename="/app">
            <Gate />
          </BrowserRouter>
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}

function Gate() {
  const { user, restoring, restoreError, retryRestore } = useSession();
  if (restoreError) return <ErrorMessage error={restoreError} onRetry={retryRestore} />;
  if (restoring) return <Loading />;
  if (!user) return <LoginPage />;
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<DashboardPage />} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="plans" element={<PlansPage />} />
        <Route path="plans/new" element={<PlanFormPage />} />
        <Route path="plans/:id" element={<PlanPage />} />
        <Route path="plans/:id/edit" element={<PlanFormPage />} />
        <Route path="agreements" element={<AgreementsPage />} />
        <Route path="agreements/:id" element={<AgreementPage />} />
        <Route path="documents" element={<PlanningDocumentsPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="admin/users" element={<AdminUsersPage />} />
        <Route path="admin/calendar" element={<AdminCalendarPage />} />
        <Route path="keeper/days-off" element={<KeeperDaysOffPage />} />
        <Route path="reporting" element={<ReportingPage />} />
        <Route path="reporting/:regionCode/:budgetYear" element={<ReportPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function NotFound() {
  const { t } = useI18n();
  return <h1>{t('notFoundTitle')}</h1>;
}
