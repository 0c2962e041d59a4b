// The audit entry of a change to a plan's files: which file (name, purpose, size and
// hash, so the entry identifies the content even after the file is gone), by whom.
import type { PlanScope } from '../../../../domain/access-policy';
import { AuditAction, AuditEntity } from '../../../../domain/audit-action';
import { auditActor } from '../../../../domain/audit-actor';
import type { AuditEventInput } from '../../../../domain/audit-event';
import type { AuthContext } from '../../../../domain/auth-context';
import type { AttachmentRecord } from '../../../../persistence/attachment.repository';

type AttachmentAction = typeof AuditAction.ATTACHMENT_UPLOADED | typeof AuditAction.ATTACHMENT_DELETED;

export function attachmentAuditEvent(auth: AuthContext, plan: PlanScope, action: AttachmentAction, attachment: AttachmentRecord): AuditEventInput {
  const file = {
    fileName: attachment.fileName,
    purpose: attachment.purpose,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    // A review note also names the stage and task it was written for.
    ...(attachment.stage !== null && { stage: attachment.stage, taskId: attachment.taskId }),
  };
  return {
    ...auditActor(auth, plan.regionCode),
    action,
    planId: attachment.planId,
    entity: AuditEntity.ATTACHMENT,
    entityId: attachment.id,
    ...(action === AuditAction.ATTACHMENT_UPLOADED ? { after: file } : { before: file }),
  };
}
