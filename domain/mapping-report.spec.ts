import { ReportAction, ReportStatus, buildSnapshot, refuseReportStep, reportingDeadline, statusAfter, summaryStatus, type ReportPlan } from './mapping-report';
import { Role } from './role';

const plan = (id: string, overrides: Partial<ReportPlan> = {}): ReportPlan => ({
  id,
  title: `Rencana ${id}`,
  proposingAgency: 'Dinas Lingkungan Hidup',
  cooperationType: 'KSDD_SUKARELA',
  stage: 'VERIFICATION',
  affairCodes: ['2.11'],
  inRkpd: false,
  inKuaPpas: false,
  ...overrides,
});

describe('the reporting deadline', () => {
  it('is 15 February of the year before by default, a province 30 days later, and the keeper’s date when set', () => {
    const settings = { monthDay: '02-15', provinceAfterDays: 30 };
    expect(reportingDeadline(2027, 'REGENCY', settings)).toBe('2026-02-15');
    expect(reportingDeadline(2027, 'PROVINCE', settings)).toBe('2026-03-17');
    expect(reportingDeadline(2029, 'PROVINCE', { ...settings, override: '2028-01-31' })).toBe('2028-03-01');
  });
});

describe('summaryStatus', () => {
  it('is late past the due date unless submitted or accepted', () => {
    expect(summaryStatus(null, '2026-02-15', '2026-02-15')).toBe('NOT_STARTED');
    expect(summaryStatus(null, '2026-02-15', '2026-02-16')).toBe('LATE');
    expect(summaryStatus(ReportStatus.DRAFTING, '2026-02-15', '2026-02-16')).toBe('LATE');
    expect(summaryStatus(ReportStatus.SIGNED, '2026-02-15', '2026-02-01')).toBe('DRAFTING');
    expect(summaryStatus(ReportStatus.RETURNED, '2026-02-15', '2026-02-01')).toBe('RETURNED');
    expect(summaryStatus(ReportStatus.SUBMITTED, '2026-02-15', '2026-03-01')).toBe('SUBMITTED');
    expect(summaryStatus(ReportStatus.ACCEPTED, '2026-02-15', '2026-03-01')).toBe('ACCEPTED');
  });
});

describe('buildSnapshot', () => {
  it('leaves rejected plans out, orders by id, and counts by type, urusan, RKPD and KUA-PPAS', () => {
    const snapshot = buildSnapshot({
      region: { code: '32.71', name: 'Kota Bogor', level: 'REGENCY', provinceCode: '32' },
      budgetYear: 2027,
      revision: 1,
      compiledAt: '2026-01-10T00:00:00.000Z',
      compiledBy: 'Dewi',
      plans: [
        plan('b', { cooperationType: 'KSDPK', affairCodes: ['1.03', '1.03', '2.11'], inRkpd: true, inKuaPpas: true }),
        plan('a', { inRkpd: true }),
        plan('c', { stage: 'REJECTED' }),
      ],
    });
    expect(snapshot.plans.map((p) => p.id)).toEqual(['a', 'b']);
    expect(snapshot.totals).toEqual({
      plans: 2,
      byType: { KSDD_SUKARELA: 1, KSDPK: 1 },
      byAffair: { '2.11': 2, '1.03': 1 },
      reachedRkpd: 2,
      reachedKuaPpas: 1,
    });
    expect(snapshot.included).toBeUndefined();
  });

  it('includes a province’s kabupaten/kota that were accepted, and names the missing ones', () => {
    const totals = { plans: 3, byType: {}, byAffair: {}, reachedRkpd: 1, reachedKuaPpas: 0 };
    const snapshot = buildSnapshot({
      region: { code: '32', name: 'Jawa Barat', level: 'PROVINCE', provinceCode: '32' },
      budgetYear: 2027,
      revision: 1,
      compiledAt: '2026-03-01T00:00:00.000Z',
      compiledBy: 'Ika',
      plans: [],
      regencies: [
        { code: '32.01', name: 'Kabupaten Bogor' },
        { code: '32.71', name: 'Kota Bogor', accepted: { revision: 2, snapshot: { totals } } },
      ],
    });
    expect(snapshot.included).toEqual([{ regionCode: '32.71', regionName: 'Kota Bogor', revision: 2, totals }]);
    expect(snapshot.missing).toEqual(['32.01']);
  });
});

describe('refuseReportStep', () => {
  const KOTA = { code: '32.71', provinceCode: '32' };
  const actor = (role: Role, regionCode = '32.71') => ({ userId: 'u', name: 'U', grants: [{ role, regionCode }] });

  it('walks compile → sign → submit → return/accept, each by its seat and in its state', () => {
    const at = (status: ReportStatus | null) => ({ status, revision: 1 });
    expect(refuseReportStep(ReportAction.COMPILE, at(null), KOTA, actor(Role.SECRETARIAT))).toBeUndefined();
    expect(refuseReportStep(ReportAction.COMPILE, at(ReportStatus.SUBMITTED), KOTA, actor(Role.SECRETARIAT))?.reason).toBe('WRONG_STATE');
    expect(refuseReportStep(ReportAction.SIGN_OFF, at(ReportStatus.DRAFTING), KOTA, actor(Role.HEAD_OF_REGION))).toBeUndefined();
    expect(refuseReportStep(ReportAction.SIGN_OFF, at(ReportStatus.DRAFTING), KOTA, actor(Role.SEKDA))?.reason).toBe('NOT_ALLOWED');
    expect(refuseReportStep(ReportAction.SUBMIT, at(ReportStatus.DRAFTING), KOTA, actor(Role.SECRETARIAT))?.reason).toBe('WRONG_STATE');
    expect(refuseReportStep(ReportAction.SUBMIT, at(ReportStatus.SIGNED), KOTA, actor(Role.SECRETARIAT))).toBeUndefined();
    expect(refuseReportStep(ReportAction.RETURN, at(ReportStatus.SUBMITTED), KOTA, actor(Role.PROVINCE_REVIEWER, '32'), ' ')?.reason).toBe('REQUIRED');
    expect(refuseReportStep(ReportAction.RETURN, at(ReportStatus.SUBMITTED), KOTA, actor(Role.PROVINCE_REVIEWER, '32'), 'Lengkapi')).toBeUndefined();
    expect(refuseReportStep(ReportAction.ACCEPT, at(ReportStatus.SUBMITTED), KOTA, actor(Role.MINISTRY_REVIEWER, '00'))?.reason).toBe('NOT_ALLOWED');
    expect(statusAfter(ReportAction.RETURN)).toBe('RETURNED');
  });
});
