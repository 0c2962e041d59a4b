import { actorLabel, auditActionLabel, fieldLabel, roleLabel, stageLabel } from './labels';
import { AuditAction } from './audit-action';
import { ROLES } from './role';
import { PLAN_STAGES } from './plan-stage';

describe('labels', () => {
  it('reads a field path as people name the field, in both languages', () => {
    expect(fieldLabel('lineItems[0].amount')).toEqual({ id: 'Rincian anggaran baris 1: nilai (rupiah)', en: 'Budget line 1: amount (rupiah)' });
    expect(fieldLabel('termsOfReference.background')).toEqual({ id: 'Kerangka acuan kerja (KAK): latar belakang', en: 'Terms of reference (KAK): background' });
    expect(fieldLabel('title').id).toBe('Judul');
    expect(fieldLabel('partners[1].name').id).toBe('Mitra 2: nama');
    expect(fieldLabel('objects[0].affairCode').id).toBe('Objek kerja sama 1: urusan');
  });

  it('labels every audit action, stage and role, and never shows a code it does not know', () => {
    for (const action of Object.values(AuditAction)) expect(auditActionLabel(action).id).not.toBe(action);
    for (const move of ['PLAN_SUBMIT', 'PLAN_APPROVE', 'PLAN_RETURN_FOR_REVISION', 'PLAN_REJECT', 'PLAN_SYNC_DOCUMENTS', 'PLAN_WITHDRAW']) {
      expect(auditActionLabel(move).id).not.toMatch(/^[A-Z_]+$/);
    }
    expect(auditActionLabel('SOMETHING_NEW')).toEqual({ id: 'Tindakan lain', en: 'Other action' });
    for (const stage of PLAN_STAGES) expect(stageLabel(stage).id).not.toBe(stage);
    for (const role of ROLES) expect(roleLabel(role).id).not.toBe(role);
    expect(actorLabel('system').id).toBe('Sistem Jalin');
    expect(actorLabel('Siti Rahma').id).toBe('Siti Rahma');
  });
});
