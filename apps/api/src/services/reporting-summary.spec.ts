// A report is late by the date of its region's own time zone (issue 18): late in Papua
// (WIT) at 00:30 local on the day after the deadline, while still on time in Sulawesi Selatan
// (WITA, 23:30 on the deadline day) and Jawa Barat (WIB, 22:30).
import { localDateOf } from '../../../../domain/local-date';
import { regionTimeZone } from '../../../../domain/region-time-zone';
import type { RegionSummaryRow } from '../../../../persistence/mapping-report.repository';
import { buildReportingSummary } from './reporting-summary';

const row = (code: string, provinceCode: string): RegionSummaryRow => ({
  code,
  name: code,
  level: 'REGENCY',
  provinceCode,
  reportStatus: 'DRAFTING',
  revision: 1,
  plans: 0,
  reachedRkpd: 0,
  reachedKuaPpas: 0,
  completed: 0,
  byType: {},
  reminders: 0,
  escalated: false,
});

it('makes a report late by its own region’s date, not by WIB for everyone', () => {
  const now = new Date('2026-02-15T15:30:00Z');
  const summary = buildReportingSummary({
    budgetYear: 2027,
    today: localDateOf(now, 'Asia/Jakarta'),
    todayIn: (code) => localDateOf(now, regionTimeZone(code).iana),
    deadlines: { REGENCY: '2026-02-15', PROVINCE: '2026-03-17' },
    rows: [row('32.71', '32'), row('91.71', '91'), row('73.71', '73')],
    byAffair: {},
  });
  expect(Object.fromEntries(summary.regions.map((r) => [r.code, r.status]))).toEqual({ '32.71': 'DRAFTING', '91.71': 'LATE', '73.71': 'DRAFTING' });
});
