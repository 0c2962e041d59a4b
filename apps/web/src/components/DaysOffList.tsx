// A year's days off as the working-day counts see them: each date, its kind, where it
// comes from (the decree, the library while provisional, the keeper, the region) and
// whether it is verified against the published decree.
import { useDaysOff } from '../api/hooks';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { QueryView } from './Status';

export function DaysOffList({ year, regionCode }: { year: number; regionCode: string }) {
  const { t, lang } = useI18n();
  const daysOff = useDaysOff(year, regionCode);
  return (
    <details className="days-off">
      <summary>
        {t('daysOffOf')} {year}
      </summary>
      <QueryView query={daysOff}>
        {(data) => (
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('date')}</th>
                  <th scope="col">{t('dayOffKind')}</th>
                  <th scope="col">{t('note')}</th>
                  <th scope="col">{t('dayOffSource')}</th>
                </tr>
              </thead>
              <tbody>
                {data.days.map((d) => (
                  <tr key={`${d.regionCode ?? ''}${d.date}`}>
                    <td>{formatDate(d.date, lang)}</td>
                    <td>{t(`dayOffKind${d.kind}` as MessageKey)}</td>
                    <td>{d.description}</td>
                    <td>
                      {t(`dayOffSource${d.source}` as MessageKey)}
                      {d.source === 'DECREE' && !d.verified && <em> ({t('daysOffUnverified')})</em>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </details>
  );
}
