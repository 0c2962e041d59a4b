// Files attached to a plan while it is being drafted. Every check runs before a byte
// reaches the store, and whatever fails after the bytes are stored removes them again:
// a refused upload leaves no row and no file. The proposing agency's officers change the
// files; whoever may see the plan may read them.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../../platform/src/config';
import { requireDraftRights, requirePlanVisible } from '../../../../domain/access-policy';
import type { AuthContext } from '../../../../domain/auth-context';
import type { AttachmentPurpose } from '../../../../domain/attachment-purpose';
import { AuditAction } from '../../../../domain/audit-action';
import { Conflict, NotFound, ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import { PlanStage } from '../../../../domain/plan-stage';
import type { Violation } from '../../../../domain/violation';
import { AttachmentRepository, type AttachmentPlan, type AttachmentRecord, type DraftRefusal } from '../repositories/attachment.repository';
import { AttachmentStore } from '../repositories/attachment-store';
import { attachmentAuditEvent } from './attachment-audit';
import { APP_CONFIG } from '../tokens';
import { sanitiseFileName } from '../utils/attachment-file-name';
import { ALLOWED_EXTENSIONS, checkFileType } from '../utils/attachment-file-type';

const PLAN = { id: 'Rencana kerja sama', en: 'Cooperation plan' };
const ATTACHMENT = { id: 'Lampiran', en: 'Attachment' };

/** The parts of a received file the service reads (multer's file has more). */
export interface ReceivedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export interface NewUpload {
  purpose: AttachmentPurpose;
}

export interface AttachmentDownload {
  attachment: AttachmentRecord;
  content: Readable;
}

function fileViolation(reason: string, id: string, en: string): ValidationFailed {
  const violation: Violation = { field: 'file', reason, message: text(id, en) };
  return new ValidationFailed([violation]);
}

export function fileTooLarge(maxBytes: number): ValidationFailed {
  const size = `${Math.floor((maxBytes / (1024 * 1024)) * 10) / 10} MiB`;
  return fileViolation('TOO_LARGE', `Ukuran berkas melebihi batas ${size}.`, `The file is larger than the ${size} limit.`);
}

function notADraft(): Conflict {
  return new Conflict(
    'NOT_A_DRAFT',
    text('Lampiran hanya dapat diubah selama rencana berstatus draf.', 'Attachments can only be changed while the plan is a DRAFT.'),
  );
}

function refusalError(planId: string, refusal: DraftRefusal): Error {
  return refusal === 'PLAN_NOT_FOUND' ? new NotFound(PLAN, planId) : notADraft();
}

@Injectable()
export class AttachmentService {
  private readonly logger = new Logger(AttachmentService.name);

  constructor(
    private readonly attachments: AttachmentRepository,
    private readonly store: AttachmentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(auth: AuthContext, planId: string, file: ReceivedFile | undefined, upload: NewUpload): Promise<AttachmentRecord> {
    const plan = await this.findPlan(planId);
    requireDraftRights(auth, plan, planId);
    if (plan.stage !== PlanStage.DRAFT) throw notADraft();
    const checked = this.checkFile(file);
    const stored = await this.store.put(checked.buffer);
    try {
      const created = await this.attachments.createWhileDraft(
        {
          id: randomUUID(),
          planId,
          purpose: upload.purpose,
          fileName: checked.fileName,
          contentType: checked.contentType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storageKey: stored.key,
          // Who is logged in, not what the request claims.
          uploadedBy: auth.username,
        },
        // Recorded with the row, in its transaction: no upload without its audit entry.
        (row) => attachmentAuditEvent(auth, plan, AuditAction.ATTACHMENT_UPLOADED, row),
      );
      // The plan may have been submitted or removed since the check above.
      if (typeof created === 'string') throw refusalError(planId, created);
      return created;
    } catch (error) {
      await this.removeStored(stored.key);
      throw error;
    }
  }

  async list(auth: AuthContext, planId: string): Promise<AttachmentRecord[]> {
    requirePlanVisible(auth, await this.findPlan(planId), planId);
    return this.attachments.listByPlan(planId);
  }

  async open(auth: AuthContext, planId: string, attachmentId: string): Promise<AttachmentDownload> {
    requirePlanVisible(auth, await this.findPlan(planId), planId);
    const attachment = await this.attachments.findForPlan(planId, attachmentId);
    if (!attachment) throw new NotFound(ATTACHMENT, attachmentId);
    return { attachment, content: await this.store.read(attachment.storageKey) };
  }

  /** Row first, then file: a file without a row is only wasted space, a row without a file is a broken download. */
  async remove(auth: AuthContext, planId: string, attachmentId: string): Promise<void> {
    const plan = await this.findPlan(planId);
    requireDraftRights(auth, plan, planId);
    const removed = await this.attachments.deleteWhileDraft(planId, attachmentId, (row) =>
      attachmentAuditEvent(auth, plan, AuditAction.ATTACHMENT_DELETED, row),
    );
    if (removed === null) throw new NotFound(ATTACHMENT, attachmentId);
    if (typeof removed === 'string') throw refusalError(planId, removed);
    await this.removeStored(removed.storageKey);
  }

  private async findPlan(planId: string): Promise<AttachmentPlan> {
    const plan = await this.attachments.findPlan(planId);
    if (!plan) throw new NotFound(PLAN, planId);
    return plan;
  }

  private checkFile(file: ReceivedFile | undefined) {
    if (!file || file.size === 0) {
      throw fileViolation('REQUIRED', 'Berkas wajib dilampirkan dan tidak boleh kosong.', 'A file is required and must not be empty.');
    }
    // Multer enforces the limit while receiving; this guards any other way in.
    if (file.size > this.config.ATTACHMENT_MAX_BYTES) throw fileTooLarge(this.config.ATTACHMENT_MAX_BYTES);
    const fileName = sanitiseFileName(file.originalname);
    const type = checkFileType(fileName, file.mimetype, file.buffer);
    if (!type.ok && type.reason === 'TYPE_NOT_ALLOWED') {
      const allowed = ALLOWED_EXTENSIONS.join(', ');
      throw fileViolation(
        'TYPE_NOT_ALLOWED',
        `Jenis berkas tidak diterima. Jenis yang diterima: ${allowed}.`,
        `This type of file is not accepted. Accepted types: ${allowed}.`,
      );
    }
    if (!type.ok) {
      throw fileViolation(
        'CONTENT_MISMATCH',
        'Isi berkas tidak sesuai dengan jenis yang disebutkan oleh nama dan tipenya.',
        'The file’s content does not match the type its name and content type claim.',
      );
    }
    return { fileName, contentType: type.contentType, buffer: file.buffer };
  }

  // A failed removal is logged, not thrown: the caller's outcome stands, and what is
  // left is a file no row points at, which an operator can sweep.
  private async removeStored(key: string): Promise<void> {
    try {
      await this.store.delete(key);
    } catch (error) {
      this.logger.error({ err: error, storageKey: key }, 'could not remove an attachment file');
    }
  }
}
