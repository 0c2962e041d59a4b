// The region's planning calendar: each milestone's date, where it comes from, and the
// admin's override (or its removal, back to the national or default date).
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { del, put } from '../api/client';
import { useCalendar } from '../api/hooks';
import type { Milestone } from '../api/types';
import { currentBudgetYear } from '../auth/roles';
import { useUser } from '../auth/session';
import { DateInput } from '../components/DateInput';
import { RegionOption } from '../components/RegionLabel';
import { DaysOffList } from '../components/DaysOffList';
import { DaysOffStatus } from '../components/DaysOffStatus';
import { ErrorMessage, QueryView } from '../components/Status';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

export function AdminCalendarPage() {
  const user = useUser();
  const { t } = useI18n();
  const regions = [...new Set(user.grants.filter((g) => g.role === 'ADMIN').map((g) => g.regionCode))];
  const [region, setRegion] = useState(regions[0] ?? '');
  const [year, setYear] = useState(currentBudgetYear());
  const calendar = useCalendar(region, year);
  return (
    <>
      <h1>{t('calendarTitle')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="cal-region">{t('region')}</label>
          <select id="cal-region" value={region} onChange={(e) => setRegion(e.target.value)}>
            {regions.map((r) => (
              <RegionOption key={r} code={r} />
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="cal-year">{t('budgetYear')}</label>
          <input id="cal-year" type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} />
        </div>
      </form>
      <QueryView query={calendar}>
        {(data) => (
          <>
            <p>
              {region} {data.regionName} · {data.timeZone.abbreviation}
            </p>
            <DaysOffStatus years={data.daysOffYears} />
            {data.daysOffYears.map((y) => (
              <DaysOffList key={y.year} year={y.year} regionCode={region} />
            ))}
            <div className="table-wrap" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('milestone')}</th>
                    <th scope="col">{t('date')}</th>
                    <th scope="col">{t('origin')}</th>
                    <th scope="col">{t('override')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.milestones.map((m) => (
                    <MilestoneRow key={m.code} milestone={m} region={region} year={year} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryView>
    </>
  );
}

function MilestoneRow({ milestone: m, region, year }: { milestone: Milestone; region: string; year: number }) {
  const { t, pick, lang } = useI18n();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(m.date);
  const [note, setNote] = useState(m.note ?? '');
  const path = `/calendars/${region}/${year}/milestones/${m.code}`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calendar', region, year] });
  const set = useMutation({ mutationFn: () => put(path, { date, ...(note && { note }) }), onSuccess: refresh });
  const reset = useMutation({ mutationFn: () => del(path), onSuccess: refresh });
  return (
    <tr>
      <th scope="row">{pick(m.label)}</th>
      <td>
        {formatDate(m.date, lang)}
        {!m.workingDay && <small> ({t('notWorkingDay')})</small>}
        <br />
        <small>
          {m.basis.legalBasis ?? t('practiceDefault')} <em>({m.basis.verified ? t('ruleVerified') : t('ruleConfigurable')})</em> · {pick(m.basis.rule)}
          {m.movedFrom && ` · ${t('movedFrom')} ${formatDate(m.movedFrom, lang)}`}
        </small>
        {m.date !== m.defaultDate && (
          <small>
            {' '}
            · {t('defaultDate')}: {formatDate(m.defaultDate, lang)}
          </small>
        )}
      </td>
      <td>{t(`origin${m.origin}` as MessageKey) ?? m.origin}</td>
      <td>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            set.mutate();
          }}
        >
          <label className="sr-only" htmlFor={`d-${m.code}`}>{`${t('date')} ${pick(m.label)}`}</label>
          <DateInput id={`d-${m.code}`} value={date} onChange={setDate} />
          <label className="sr-only" htmlFor={`n-${m.code}`}>{`${t('note')} ${pick(m.label)}`}</label>
          <input id={`n-${m.code}`} placeholder={t('note')} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" disabled={set.isPending}>
            {t('save')}
          </button>
          {m.origin === 'REGIONAL' && (
            <button type="button" onClick={() => reset.mutate()} disabled={reset.isPending}>
              {t('resetDefault')}
            </button>
          )}
        </form>
        {(set.error || reset.error) && <ErrorMessage error={set.error ?? reset.error} />}
      </td>
    </tr>
  );
}
