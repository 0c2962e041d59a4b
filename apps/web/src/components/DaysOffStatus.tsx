// Whether the days off behind a calendar's working-day counts are official (the year's
// decree, SKB) or provisional (the holiday library's dates until the decree is entered).
import type { RegionCalendar } from '../api/types';
import { useI18n } from '../i18n/i18n';

export function DaysOffStatus({ years }: { years: RegionCalendar['daysOffYears'] }) {
  const { t, pick } = useI18n();
  return (
    <ul className="days-off-status">
      {years.map((y) => (
        <li key={y.year}>
          <strong>
            {t('daysOffOf')} {y.year}: {y.status === 'OFFICIAL' ? t('daysOffOfficial') : t('daysOffProvisional')}
          </strong>{' '}
          · {pick(y.statusLabel)}
          {y.decree && (
            <>
              {' '}
              · {y.decree.number}
              {!y.decree.verified && <em> ({t('daysOffUnverified')})</em>}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
