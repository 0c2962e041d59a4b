import { DEFAULT_CALENDAR_RULES, defaultMilestoneDates, isMilestone, milestoneBases, MILESTONES, resolveCalendar, secondWeekDeadline } from './fiscal-calendar';
import { holidaySet } from './working-days';

// Every date written out by hand from a printed calendar and the decrees' days off, not
// computed by the code under test.

/** The weekday days off that fall near the milestones, from the decrees (2026: SKB 1497/2/5 of 2025; 2027: as shipped, unverified; 2025: SKB of 2024). */
const DAYS_OFF_2025 = holidaySet([
  '2025-01-27',
  '2025-01-28',
  '2025-01-29',
  '2025-03-28',
  '2025-03-31',
  '2025-04-01',
  '2025-04-02',
  '2025-04-03',
  '2025-04-04',
  '2025-04-07',
  '2025-08-18',
  '2025-09-05',
  '2025-12-25',
  '2025-12-26',
]);
const DAYS_OFF_2026 = holidaySet([
  '2026-03-18',
  '2026-03-19',
  '2026-03-20',
  '2026-03-23',
  '2026-03-24',
  '2026-08-17',
  '2026-08-25',
  '2026-12-24',
  '2026-12-25',
]);
const DAYS_OFF_2027 = holidaySet(['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12', '2027-03-15', '2027-08-17', '2027-12-24']);

describe('the second week of a month', () => {
  it('is by default the second calendar week (Monday–Sunday, the week of the 1st first), ending on its Friday', () => {
    expect(secondWeekDeadline(2026, 7)).toBe('2026-07-10'); // 1 July is a Wednesday: week 2 is 6–12 July
    expect(secondWeekDeadline(2026, 8)).toBe('2026-08-07'); // 1 August is a Saturday: week 2 is 3–9 August
    expect(secondWeekDeadline(2027, 8)).toBe('2027-08-06'); // 1 August is a Sunday: week 2 is 2–8 August
    expect(secondWeekDeadline(2026, 6)).toBe('2026-06-12'); // 1 June is a Monday: week 2 is 8–14 June
  });

  it('under DAYS_8_TO_14 ends on the 14th, or the Friday before when the 14th is a weekend', () => {
    expect(secondWeekDeadline(2026, 7, 'DAYS_8_TO_14')).toBe('2026-07-14'); // Tuesday
    expect(secondWeekDeadline(2026, 8, 'DAYS_8_TO_14')).toBe('2026-08-14'); // Friday
    expect(secondWeekDeadline(2027, 8, 'DAYS_8_TO_14')).toBe('2027-08-13'); // the 14th is a Saturday
  });

  it('under SECOND_MONDAY_WEEK ends on the Friday after the second Monday, the latest reading', () => {
    expect(secondWeekDeadline(2026, 7, 'SECOND_MONDAY_WEEK')).toBe('2026-07-17'); // Mondays 6 and 13 July
    expect(secondWeekDeadline(2027, 8, 'SECOND_MONDAY_WEEK')).toBe('2027-08-13'); // Mondays 2 and 9 August
  });

  it('never puts the default reading after another one', () => {
    for (let year = 2025; year <= 2035; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const earliest = secondWeekDeadline(year, month);
        expect(earliest <= secondWeekDeadline(year, month, 'DAYS_8_TO_14')).toBe(true);
        expect(earliest <= secondWeekDeadline(year, month, 'SECOND_MONDAY_WEEK')).toBe(true);
      }
    }
  });
});

describe('default milestones (second calendar week, "hari" as working days, a day off moves a date to the working day before)', () => {
  it('for budget year 2026 (worked on in 2025)', () => {
    expect(defaultMilestoneDates(2026, 'REGENCY', DEFAULT_CALENDAR_RULES, DAYS_OFF_2025)).toEqual({
      MAPPING_DEADLINE: '2025-01-31', // Friday
      MUSRENBANG: '2025-03-27', // 31 March is Idul Fitri, 28 March leave for Nyepi
      RKPD_SET: '2025-06-30', // Monday
      KUA_PPAS_SUBMISSION: '2025-07-11', // 1 July is a Tuesday: week 2 is 7–13 July
      KUA_PPAS_AGREEMENT: '2025-08-08', // 1 August is a Friday: week 2 is 4–10 August
      // 60 working days before 1 December: 20 in November, 23 in October, 17 in September back to Monday 8th.
      DRAFT_APBD_SUBMISSION: '2025-09-08',
      APBD_JOINT_APPROVAL: '2025-11-28', // 30 November is a Sunday
      APBD_ENACTMENT: '2025-12-31', // Wednesday
    });
  });

  it('for budget year 2027 (worked on in 2026)', () => {
    expect(defaultMilestoneDates(2027, 'REGENCY', DEFAULT_CALENDAR_RULES, DAYS_OFF_2026)).toEqual({
      MAPPING_DEADLINE: '2026-01-30', // 31 January is a Saturday
      MUSRENBANG: '2026-03-31', // Tuesday, after the Lebaran leave of 18–24 March
      RKPD_SET: '2026-06-30',
      KUA_PPAS_SUBMISSION: '2026-07-10',
      KUA_PPAS_AGREEMENT: '2026-08-07',
      // 21 working days in November, 22 in October, 17 in September back to Tuesday 8th.
      DRAFT_APBD_SUBMISSION: '2026-09-08',
      APBD_JOINT_APPROVAL: '2026-11-30', // Monday
      APBD_ENACTMENT: '2026-12-31', // Thursday (24 and 25 December are off, not the 31st)
    });
  });

  it('for budget year 2028 (worked on in 2027), and a province holds its Musrenbang in April', () => {
    expect(defaultMilestoneDates(2028, 'PROVINCE', DEFAULT_CALENDAR_RULES, DAYS_OFF_2027)).toEqual({
      MAPPING_DEADLINE: '2027-01-29', // 31 January is a Sunday
      MUSRENBANG: '2027-04-30', // Friday
      RKPD_SET: '2027-06-30',
      KUA_PPAS_SUBMISSION: '2027-07-09', // 1 July is a Thursday: week 2 is 5–11 July
      KUA_PPAS_AGREEMENT: '2027-08-06',
      // 22 working days in November, 21 in October, 17 in September back to Wednesday 8th.
      DRAFT_APBD_SUBMISSION: '2027-09-08',
      APBD_JOINT_APPROVAL: '2027-11-30', // Tuesday
      APBD_ENACTMENT: '2027-12-31', // Friday
    });
    expect(defaultMilestoneDates(2028, 'REGENCY', DEFAULT_CALENDAR_RULES, DAYS_OFF_2027).MUSRENBANG).toBe('2027-03-31');
  });

  it('reads "hari" as calendar days when so set: 2 October', () => {
    const rules = { ...DEFAULT_CALENDAR_RULES, apbdDayCount: 'CALENDAR_DAYS' as const };
    expect(defaultMilestoneDates(2027, 'REGENCY', rules, DAYS_OFF_2026).DRAFT_APBD_SUBMISSION).toBe('2026-10-02'); // Friday
    expect(defaultMilestoneDates(2028, 'REGENCY', rules, DAYS_OFF_2027).DRAFT_APBD_SUBMISSION).toBe('2027-10-01'); // 2 October is a Saturday
  });

  it('moves a rule date on a day off to the working day before, and says from where', () => {
    // A region's own day off on Friday 10 July 2026 moves the KUA-PPAS submission to Thursday 9 July.
    const calendar = resolveCalendar(2027, 'REGENCY', { national: [], regional: [] }, DEFAULT_CALENDAR_RULES, holidaySet(DAYS_OFF_2026, ['2026-07-10']));
    const byCode = Object.fromEntries(calendar.map((m) => [m.code, m]));
    expect(byCode.KUA_PPAS_SUBMISSION).toMatchObject({ date: '2026-07-09', defaultDate: '2026-07-09', movedFrom: '2026-07-10' });
    expect(byCode.MAPPING_DEADLINE).toMatchObject({ date: '2026-01-30', movedFrom: '2026-01-31' });
    expect(byCode.RKPD_SET).toMatchObject({ movedFrom: null });
  });

  it('gives each milestone its rule and source: the regulation and article, or practice', () => {
    const bases = milestoneBases('REGENCY');
    expect(bases.KUA_PPAS_SUBMISSION).toMatchObject({ legalBasis: 'PP 12/2019 Pasal 90 ayat (1)', verified: true });
    expect(bases.KUA_PPAS_AGREEMENT).toMatchObject({ legalBasis: 'PP 12/2019 Pasal 90 ayat (2)', verified: true });
    expect(bases.DRAFT_APBD_SUBMISSION).toMatchObject({ legalBasis: 'PP 12/2019 Pasal 104 ayat (1)', verified: true });
    expect(bases.APBD_JOINT_APPROVAL).toMatchObject({ legalBasis: 'PP 12/2019 Pasal 106 ayat (1)', verified: true });
    // The enactment deadline's article is not confirmed: it says so and is not called verified.
    expect(bases.APBD_ENACTMENT).toMatchObject({ legalBasis: 'PP 12/2019 (pasal belum dikonfirmasi)', verified: false });
    expect(bases.APBD_ENACTMENT.rule.en).toContain('not yet confirmed');
    expect(bases.DRAFT_APBD_SUBMISSION.rule.en).toContain('60 working days before 1 December');
    expect(bases.KUA_PPAS_SUBMISSION.rule.en).toContain('second calendar week');
    expect(milestoneBases('REGENCY', { secondWeek: 'DAYS_8_TO_14', apbdDayCount: 'CALENDAR_DAYS' }).DRAFT_APBD_SUBMISSION.rule.en).toContain(
      '60 calendar days',
    );
    for (const code of ['MAPPING_DEADLINE', 'MUSRENBANG', 'RKPD_SET'] as const) expect(bases[code]).toMatchObject({ legalBasis: null, verified: false });
    for (const basis of Object.values(bases)) expect(basis.rule.id).toContain('hari kerja sebelumnya');
  });
});

describe('resolving a calendar', () => {
  it('takes the regional override over the national one over the default', () => {
    const calendar = resolveCalendar(2027, 'REGENCY', {
      national: [
        { milestone: 'KUA_PPAS_SUBMISSION', date: '2026-07-10', note: 'Permendagri pedoman APBD 2027' },
        { milestone: 'APBD_JOINT_APPROVAL', date: '2026-11-27' },
      ],
      regional: [{ milestone: 'KUA_PPAS_SUBMISSION', date: '2026-07-08', note: 'Jadwal DPRD' }],
    });
    const byCode = Object.fromEntries(calendar.map((m) => [m.code, m]));
    expect(byCode.KUA_PPAS_SUBMISSION).toMatchObject({
      date: '2026-07-08',
      origin: 'REGIONAL',
      defaultDate: '2026-07-10',
      note: 'Jadwal DPRD',
      source: 'PP_12_2019',
    });
    expect(byCode.APBD_JOINT_APPROVAL).toMatchObject({ date: '2026-11-27', origin: 'NATIONAL', defaultDate: '2026-11-30', note: null });
    expect(byCode.MAPPING_DEADLINE).toMatchObject({ date: '2026-01-30', origin: 'DEFAULT', source: 'PRACTICE' });
    expect(calendar.map((m) => m.code)).toEqual(MILESTONES);
    expect(byCode.RKPD_SET.label).toEqual({ id: 'Penetapan RKPD', en: 'RKPD enacted' });
  });

  it('knows its milestones', () => {
    expect(isMilestone('MUSRENBANG')).toBe(true);
    expect(isMilestone('musrenbang')).toBe(false);
    expect(isMilestone('toString')).toBe(false);
  });
});
