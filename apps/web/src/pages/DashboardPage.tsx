// The first screen: my open work (overdue first), the calendar's next milestones, and
// how many plans sit at each stage. A seat above the Pemda (province bureau, ministry)
// has no plans: it starts at the mapping reports instead.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get, query } from '../api/client';
import { useCalendar, useEnumerations } from '../api/hooks';
import type { Inbox, PlanPage } from '../api/types';
import { NATIONAL_SCOPE } from '../../../../domain/role';
import { currentBudgetYear, homeRegion, isAbovePemda, isOfficer, isReviewer, seesReporting } from '../auth/roles';
import { useUser } from '../auth/session';
import { QueryView } from '../components/Status';
import { TaskList } from '../components/TaskList';
import { useI18n } from '../i18n/i18n';
import { formatDate } from '../format';
import { PlanTable } from '../components/PlanTable';

export function DashboardPage() {
  const user = useUser();
  const { t } = useI18n();
  return (
    <>
      <h1>
        {t('welcome')}, {user.displayName}
      </h1>
      <div className="grid">
        {isReviewer(user) && <MyTasks />}
        {isOfficer(user) && <MyDrafts />}
        {isAbovePemda(user) && seesReporting(user) && <ReportingCard />}
        {homeRegion(user) !== NATIONAL_SCOPE && <NextMilestones />}
        {!isAbovePemda(user) && <PlansByStage />}
      </div>
    </>
  );
}

function ReportingCard() {
  const { t } = useI18n();
  return (
    <section className="card wide" aria-labelledby="reporting-card">
      <h2 id="reporting-card">{t('navReporting')}</h2>
      <p>{t('reportingIntro')}</p>
      <p>
        <Link to="/reporting" className="button primary">
          {t('reportingTitle')}
        </Link>
      </p>
    </section>
  );
}

function MyTasks() {
  const { t } = useI18n();
  const inbox = useQuery({ queryKey: ['inbox', 'dashboard'], queryFn: () => get<Inbox>(`/review-tasks${query({ scope: 'all', sort: 'due', pageSize: 50 })}`) });
  return (
    <section className="card wide" aria-labelledby="my-tasks">
      <h2 id="my-tasks">{t('myTasks')}</h2>
      <QueryView query={inbox}>{(data) => <TaskList tasks={data.items} groupByStage />}</QueryView>
    </section>
  );
}

function MyDrafts() {
  const { t } = useI18n();
  const plans = useQuery({ queryKey: ['plans', 'drafts'], queryFn: () => get<PlanPage>(`/plans${query({ stage: 'DRAFT', pageSize: 20 })}`) });
  return (
    <section className="card wide" aria-labelledby="my-drafts">
      <h2 id="my-drafts">{t('myTasks')}</h2>
      <QueryView query={plans}>{(data) => <PlanTable plans={data.items} />}</QueryView>
    </section>
  );
}

function NextMilestones() {
  const user = useUser();
  const { t, pick, lang } = useI18n();
  // Budget year N+1 is worked in year N: late in the year the next one's dates start too.
  const year = currentBudgetYear();
  const calendar = useCalendar(homeRegion(user), year);
  const following = useCalendar(homeRegion(user), year + 1);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="card" aria-labelledby="milestones">
      <h2 id="milestones">{t('nextMilestones')}</h2>
      <QueryView query={calendar}>
        {(data) => (
          <ol className="milestones">
            {[...data.milestones.map((m) => ({ ...m, year })), ...(following.data?.milestones ?? []).map((m) => ({ ...m, year: year + 1 }))]
              .filter((m) => m.date >= today)
              .slice(0, 5)
              .map((m) => (
                <li key={`${m.year}-${m.code}`}>
                  <time dateTime={m.date}>{formatDate(m.date, lang)}</time> {pick(m.label)}{' '}
                  <small>
                    ({t('budgetYear')} {m.year}) ·{' '}
                    <span data-testid="milestone-source">
                      {m.basis.legalBasis ?? t('practiceDefault')} ({m.basis.verified ? t('ruleVerified') : t('ruleConfigurable')})
                    </span>
                  </small>
                </li>
              ))}
          </ol>
        )}
      </QueryView>
    </section>
  );
}

function PlansByStage() {
  const { t, pick } = useI18n();
  const enums = useEnumerations();
  const plans = useQuery({ queryKey: ['plans', 'all-for-counts'], queryFn: () => get<PlanPage>(`/plans${query({ pageSize: 100 })}`) });
  return (
    <section className="card" aria-labelledby="by-stage">
      <h2 id="by-stage">{t('plansByStage')}</h2>
      <QueryView query={plans}>
        {(data) => (
          <ul className="stage-counts">
            {(enums.data?.planStages ?? []).map((stage) => {
              const count = data.items.filter((p) => p.stage === stage.code).length;
              return (
                <li key={stage.code}>
                  <Link to={`/plans?stage=${stage.code}`}>{pick(stage.label)}</Link> <strong>{count}</strong>
                </li>
              );
            })}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
