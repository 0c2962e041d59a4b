import { defaultMilestoneDates, isMilestone, MILESTONES, resolveCalendar, secondWeekDeadline } from './fiscal-calendar';

// Every date written out by hand from a printed calendar, not computed by the code under test.
describe('the second week of a month', () => {
  it('ends on the 14th, or the Friday before when the 14th is a weekend', () => {
    expect(secondWeekDeadline(2026, 7)).toBe('2026-07-14'); // Tuesday
    expect(secondWeekDeadline(2026, 8)).toBe('2026-08-14'); // Friday
    expect(secondWeekDeadline(2027, 8)).toBe('2027-08-13'); // the 14th is a Saturday
    expect(secondWeekDeadline(2026, 6)).toBe('2026-06-12'); // the 14th is a Sunday
  });
});

describe('default milestones', () => {
  it('for budget year 2026 (worked on in 2025)', () => {
    expect(defaultMilestoneDates(2026, 'REGENCY')).toEqual({
      MAPPING_DEADLINE: '2025-01-31',
      MUSRENBANG: '2025-03-31',
      RKPD_SET: '2025-06-30',
      KUA_PPAS_SUBMISSION: '2025-07-14', // Monday
      KUA_PPAS_AGREEMENT: '2025-08-14', // Thursday
      DRAFT_APBD_SUBMISSION: '2025-10-02',
      APBD_JOINT_APPROVAL: '2025-11-30',
      APBD_ENACTMENT: '2025-12-31',
    });
  });

  it('for budget year 2027 (worked on in 2026)', () => {
    expect(defaultMilestoneDates(2027, 'REGENCY')).toEqual({
      MAPPING_DEADLINE: '2026-01-31',
      MUSRENBANG: '2026-03-31',
      RKPD_SET: '2026-06-30',
      KUA_PPAS_SUBMISSION: '2026-07-14', // Tuesday
      KUA_PPAS_AGREEMENT: '2026-08-14', // Friday
      DRAFT_APBD_SUBMISSION: '2026-10-02',
      APBD_JOINT_APPROVAL: '2026-11-30',
      APBD_ENACTMENT: '2026-12-31',
    });
  });

  it('for budget year 2028 (worked on in 2027), and a province holds its Musrenbang in April', () => {
    expect(defaultMilestoneDates(2028, 'PROVINCE')).toEqual({
      MAPPING_DEADLINE: '2027-01-31',
      MUSRENBANG: '2027-04-30',
      RKPD_SET: '2027-06-30',
      KUA_PPAS_SUBMISSION: '2027-07-14', // Wednesday
      KUA_PPAS_AGREEMENT: '2027-08-13', // Friday: the 14th is a Saturday
      DRAFT_APBD_SUBMISSION: '2027-10-02',
      APBD_JOINT_APPROVAL: '2027-11-30',
      APBD_ENACTMENT: '2027-12-31',
    });
    expect(defaultMilestoneDates(2028, 'REGENCY').MUSRENBANG).toBe('2027-03-31');
  });

  it('for budget year 2029 (a leap year before it)', () => {
    const dates = defaultMilestoneDates(2029, 'REGENCY');
    expect(dates.KUA_PPAS_SUBMISSION).toBe('2028-07-14'); // Friday
    expect(dates.KUA_PPAS_AGREEMENT).toBe('2028-08-14'); // Monday
    expect(dates.DRAFT_APBD_SUBMISSION).toBe('2028-10-02');
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
      defaultDate: '2026-07-14',
      note: 'Jadwal DPRD',
      source: 'PP_12_2019',
    });
    expect(byCode.APBD_JOINT_APPROVAL).toMatchObject({ date: '2026-11-27', origin: 'NATIONAL', defaultDate: '2026-11-30', note: null });
    expect(byCode.MAPPING_DEADLINE).toMatchObject({ date: '2026-01-31', origin: 'DEFAULT', source: 'PRACTICE' });
    expect(calendar.map((m) => m.code)).toEqual(MILESTONES);
    expect(byCode.RKPD_SET.label).toEqual({ id: 'Penetapan RKPD', en: 'RKPD enacted' });
  });

  it('knows its milestones', () => {
    expect(isMilestone('MUSRENBANG')).toBe(true);
    expect(isMilestone('musrenbang')).toBe(false);
    expect(isMilestone('toString')).toBe(false);
  });
});
