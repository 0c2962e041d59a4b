// A year's days off as the working-day counts see them: each date, its kind, where it
// comes from (the decree, the library while provisional, the keeper, the region) and
// whether it is verified against the published decree.
import { useDaysOff } from '../api/hooks';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { QueryView } from './Status';

export function DaysOffList({ year, regionCode, open }: { year: number; regionCode?: string; open?: boolean }) {
  const { t, lang } = useI18n();
  const daysOff = useDaysOff(year, regionCode);
  return (
    <details className="days-off" open={open}>
      <summary>
        {t('daysOffOf')} {year}
      </summary>
      <QueryView query={daysOff}>
        {(data) => (
          <>
            {data.decree && (
              <p data-testid="days-off-decree">
                {t('daysOffDecree')}: {data.decree.number} ({data.decree.verified ? t('daysOffVerified') : t('daysOffUnverified')})
              </p>
            )}
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
                      <td data-testid="day-off-source">
                        {t(`dayOffSource${d.source}` as MessageKey)}
                        {/* The year's decree is named once above; a day from another decree names its own. */}
                        {d.decree && d.decree !== data.decree?.number && ` · ${d.decree}`}
                        {d.source === 'DECREE' && <em> ({d.verified ? t('dayOffVerifiedShort') : t('dayOffUnverifiedShort')})</em>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryView>
    </details>
  );
}
