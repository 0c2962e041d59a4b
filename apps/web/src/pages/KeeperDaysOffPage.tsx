// The national calendar keeper's screen: a year's decree (SKB number, whether checked
// against the published copy, a note) entered or corrected without a release, beside the
// year's days off as the working-day counts see them.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { put } from '../api/client';
import { useDaysOff } from '../api/hooks';
import type { YearDaysOff } from '../api/types';
import { DaysOffList } from '../components/DaysOffList';
import { DaysOffStatus } from '../components/DaysOffStatus';
import { useFlash } from '../components/Flash';
import { ErrorMessage, QueryView } from '../components/Status';
import { useI18n } from '../i18n/i18n';

export function KeeperDaysOffPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const daysOff = useDaysOff(year);
  return (
    <>
      <h1>{t('keeperTitle')}</h1>
      <p>{t('keeperIntro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="keeper-year">{t('calendarYear')}</label>
          <input id="keeper-year" type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} />
        </div>
      </form>
      <QueryView query={daysOff}>
        {(data) => (
          <>
            <DaysOffStatus years={[data]} />
            {/* Keyed by the stored decree so the form starts from it after each save or year change. */}
            <DecreeForm key={`${data.year}:${data.decree?.number ?? ''}:${String(data.decree?.verified)}`} data={data} />
            <DaysOffList year={data.year} open />
          </>
        )}
      </QueryView>
    </>
  );
}

function DecreeForm({ data }: { data: YearDaysOff }) {
  const { t } = useI18n();
  const flash = useFlash();
  const queryClient = useQueryClient();
  const [number, setNumber] = useState(data.decree?.number ?? '');
  const [verified, setVerified] = useState(data.decree?.verified ?? false);
  const [note, setNote] = useState(data.decree?.note ?? '');
  const save = useMutation({
    mutationFn: () => put(`/calendars/days-off/decrees/${data.year}`, { number, verified, ...(note.trim() && { note }) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['days-off'] });
      await queryClient.invalidateQueries({ queryKey: ['calendar'] });
      flash(t('decreeSaved'));
    },
  });
  return (
    <form
      className="decree-form"
      aria-labelledby="decree-heading"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="decree-heading">
        {t('decreeNumber')} {data.year}
      </h2>
      {!data.decree && <p>{t('decreeNone')}</p>}
      <div>
        <label htmlFor="decree-number">{t('decreeNumber')}</label>
        <input id="decree-number" value={number} maxLength={300} onChange={(e) => setNumber(e.target.value)} />
      </div>
      <div className="checkbox">
        <input id="decree-verified" type="checkbox" checked={verified} onChange={(e) => setVerified(e.target.checked)} />
        <label htmlFor="decree-verified">{t('decreeVerified')}</label>
      </div>
      <div>
        <label htmlFor="decree-note">{t('note')}</label>
        <input id="decree-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" disabled={save.isPending}>
        {t('decreeSave')}
      </button>
      {save.error && <ErrorMessage error={save.error} />}
    </form>
  );
}
