import { PlanStage } from './plan-stage';
import {
  DocumentKind,
  documentAgency,
  documentLinesSettled,
  documentStateRoles,
  lineFlag,
  nomenclatureParts,
  refuseStateChange,
  type LinePlacement,
} from './planning-document';

const placement = (overrides: Partial<LinePlacement>): LinePlacement => ({
  documentKind: 'RKPD',
  documentState: 'RANCANGAN',
  changed: true,
  previousFlag: null,
  ...overrides,
});

describe('lineFlag', () => {
  it('takes a new or changed line into a Final document only as an amendment', () => {
    expect(lineFlag(placement({ documentState: 'FINAL' }))).toBe('RKPD_AMENDMENT');
    expect(lineFlag(placement({ documentKind: 'RENJA', documentState: 'FINAL' }))).toBe('RKPD_AMENDMENT');
    expect(lineFlag(placement({ documentKind: 'RKA', documentState: 'FINAL' }))).toBe('DOCUMENT_AMENDMENT');
    expect(lineFlag(placement({ documentKind: 'KUA_PPAS', documentState: 'FINAL', inRkpd: true }))).toBe('DOCUMENT_AMENDMENT');
  });

  it('asks for the berita acara when a KUA-PPAS activity has no RKPD line', () => {
    expect(lineFlag(placement({ documentKind: 'KUA_PPAS', inRkpd: false }))).toBe('DPRD_AGREEMENT_RECORD');
    expect(lineFlag(placement({ documentKind: 'KUA_PPAS', inRkpd: true }))).toBeNull();
  });

  it('keeps the flag of an unchanged line, whatever the state now', () => {
    expect(lineFlag(placement({ changed: false, documentState: 'FINAL', previousFlag: null }))).toBeNull();
    expect(lineFlag(placement({ changed: false, previousFlag: 'RKPD_AMENDMENT' }))).toBe('RKPD_AMENDMENT');
  });
});

describe('document states', () => {
  it('only move forward', () => {
    expect(refuseStateChange('RANCANGAN_AWAL', 'FINAL')).toBeUndefined();
    expect(refuseStateChange('RANCANGAN', 'RANCANGAN_AKHIR')).toBeUndefined();
    expect(refuseStateChange('FINAL', 'RANCANGAN')).toMatchObject({ field: 'state', reason: 'STATE_NOT_FORWARD' });
    expect(refuseStateChange('RANCANGAN', 'RANCANGAN')?.reason).toBe('STATE_NOT_FORWARD');
  });

  it('are kept by Bappeda for the plans and TAPD for the budget documents, and by admins', () => {
    expect(documentStateRoles('RKPD')).toEqual(['BAPPEDA', 'ADMIN']);
    expect(documentStateRoles('RENJA')).toEqual(['BAPPEDA', 'ADMIN']);
    for (const kind of ['KUA_PPAS', 'RKA', 'APBD', 'DPA'] as const) expect(documentStateRoles(kind)).toEqual(['TAPD', 'ADMIN']);
  });
});

describe('documentAgency and nomenclatureParts', () => {
  it('keeps Renja and RKA per agency, the others per region', () => {
    expect(documentAgency('RENJA', 'Dinas Kesehatan')).toBe('Dinas Kesehatan');
    expect(documentAgency('RKA', 'Dinas Kesehatan')).toBe('Dinas Kesehatan');
    expect(documentAgency('KUA_PPAS', 'Dinas Kesehatan')).toBe('');
  });

  it('splits a code into the levels SIPD asks for, leaving missing levels empty', () => {
    expect(nomenclatureParts('2.11.03.2.01.0001')).toEqual({
      urusan: '2',
      bidang: '2.11',
      program: '2.11.03',
      kegiatan: '2.11.03.2.01',
      subKegiatan: '2.11.03.2.01.0001',
    });
    expect(nomenclatureParts('1.02.02')).toEqual({ urusan: '1', bidang: '1.02', program: '1.02.02', kegiatan: '', subKegiatan: '' });
  });
});

describe('documentLinesSettled: when a plan page may stop reading the lines again', () => {
  const line = (documentKind: DocumentKind, planRevision = 1, status = 'ACTIVE') => ({ documentKind, planRevision, status });
  const planning = [line(DocumentKind.RKPD), line(DocumentKind.RENJA)];

  it('expects nothing before the RKPD sync', () => {
    expect(documentLinesSettled(PlanStage.HEAD_OF_REGION_APPROVAL, 1, [])).toBe(true);
    expect(documentLinesSettled(PlanStage.DOCUMENT_SYNC, 1, [])).toBe(true);
  });

  it('waits for each sync that follows the stage the plan has reached', () => {
    expect(documentLinesSettled(PlanStage.BUDGET_SIGNOFF, 1, [])).toBe(false);
    expect(documentLinesSettled(PlanStage.BUDGET_SIGNOFF, 1, planning)).toBe(true);
    expect(documentLinesSettled(PlanStage.RKA_CONFIRMATION, 1, planning)).toBe(false);
    expect(documentLinesSettled(PlanStage.DPRD_APPROVAL, 1, [...planning, line(DocumentKind.KUA_PPAS)])).toBe(true);
    // The RKA line is written just after the move to COMPLETED.
    expect(documentLinesSettled(PlanStage.COMPLETED, 1, [...planning, line(DocumentKind.KUA_PPAS)])).toBe(false);
    expect(documentLinesSettled(PlanStage.COMPLETED, 1, [...planning, line(DocumentKind.KUA_PPAS), line(DocumentKind.RKA)])).toBe(true);
  });

  it('counts only the current revision’s lines', () => {
    expect(documentLinesSettled(PlanStage.BUDGET_SIGNOFF, 2, planning)).toBe(false);
  });

  it('waits for a rejected plan’s lines to be withdrawn', () => {
    expect(documentLinesSettled(PlanStage.REJECTED, 1, planning)).toBe(false);
    expect(documentLinesSettled(PlanStage.REJECTED, 1, [line(DocumentKind.RKPD, 1, 'WITHDRAWN')])).toBe(true);
  });
});
