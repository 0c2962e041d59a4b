import { documentSignedAt, refuseComment, refuseDraftUpload, refuseSignedCopy } from './agreement-document';
import type { AuthContext } from './auth-context';
import type { Role } from './role';

const user = (role: Role, regionCode = '32.71', userId = 'u-1'): AuthContext => ({ userId, username: 'x', displayName: 'X', grants: [{ role, regionCode }] });

describe('who may do what with the KB and PKS documents', () => {
  it('lets the secretariat upload drafts while drafting, and the legal bureau during its review', () => {
    expect(refuseDraftUpload(user('SECRETARIAT'), '32.71', 'KB_DRAFTING', 'KB')).toBeUndefined();
    expect(refuseDraftUpload(user('SECRETARIAT'), '32.71', 'KB_DRAFTING', 'PKS')).toMatchObject({ status: 409, reason: 'NOT_DRAFTING' });
    expect(refuseDraftUpload(user('LEGAL_BUREAU'), '32.71', 'PKS_LEGAL_REVIEW', 'PKS')).toBeUndefined();
    expect(refuseDraftUpload(user('SECRETARIAT'), '32.71', 'PKS_LEGAL_REVIEW', 'PKS')).toMatchObject({ status: 403, reason: 'ROLE_REQUIRED' });
    expect(refuseDraftUpload(user('SECRETARIAT', '32.01'), '32.71', 'KB_DRAFTING', 'KB')?.reason).toBe('ROLE_REQUIRED');
  });

  it('lets the reviewers comment until the document is signed', () => {
    expect(refuseComment(user('LEGAL_BUREAU'), '32.71', false)).toBeUndefined();
    expect(refuseComment(user('OFFICER'), '32.71', false)?.status).toBe(403);
    expect(refuseComment(user('SECRETARIAT'), '32.71', true)?.reason).toBe('ALREADY_SIGNED');
  });

  it('takes the signed copy at the signing stage from the secretariat, the head of region or the task holder', () => {
    expect(documentSignedAt('PKS_SIGNING')).toBe('PKS');
    expect(documentSignedAt('PKS_DRAFTING')).toBeUndefined();
    expect(refuseSignedCopy(user('SECRETARIAT'), '32.71', 'KB_SIGNING', 'KB', null)).toBeUndefined();
    expect(refuseSignedCopy(user('HEAD_OF_REGION'), '32.71', 'KB_SIGNING', 'KB', null)).toBeUndefined();
    expect(refuseSignedCopy(user('SEKDA', '32.71', 'u-9'), '32.71', 'PKS_SIGNING', 'PKS', 'u-9')).toBeUndefined();
    expect(refuseSignedCopy(user('SEKDA'), '32.71', 'PKS_SIGNING', 'PKS', 'u-9')?.status).toBe(403);
    expect(refuseSignedCopy(user('SECRETARIAT'), '32.71', 'KB_SIGNING', 'PKS', null)?.reason).toBe('NOT_SIGNING');
  });
});
