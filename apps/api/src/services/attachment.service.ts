// Files attached to a plan: while it is being drafted, by the proposing agency's officers;
// while it is at a review stage, review notes by whoever may act at that stage. Every check
// runs before a byte reaches the store, and whatever fails after the bytes are stored
// removes them again: a refused upload leaves no row and no file. Whoever may see the plan
// may read the files.
import { PLAN_STAGE_LABELS } from '../../../../domain/plan-stage-label';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../../../platform/config';
import { canActAtStage, requireDraftRights, requirePlanVisible } from '../../../../domain/access-policy';
import type { AuthContext } from '../../../../domain/auth-context';
import { isReviewNote, type AttachmentPurpose } from '../../../../domain/attachment-purpose';
import { AuditAction } from '../../../../domain/audit-action';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import { PlanStage, isReviewStage, type ReviewStage } from '../../../../domain/plan-stage';
import type { Violation } from '../../../../domain/violation';
import {
  AttachmentRepository,
  type AttachmentPlan,
  type AttachmentRecord,
  type DraftRefusal,
  type ReviewRefusal,
} from '../../../../persistence/attachment.repository';
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

/** multer's or busboy's refusal of the request's parts (their message, in English, is kept as the detail). */
export function malformedUpload(detail: string): ValidationFailed {
  if (/^(Unexpected (file )?field|Too many files)/.test(detail)) {
    const part = detail.split(' - ')[1];
    const got = part ? ` (${part})` : '';
    return fileViolation(
      'UNEXPECTED_FILE',
      `Kirim tepat satu berkas, di bagian bernama "file"${got ? `; diterima bagian lain atau berkas kedua${got}` : ''}.`,
      `Send exactly one file, in the part named "file"${got ? `; got another part or a second file${got}` : ''}.`,
    );
  }
  return fileViolation('MALFORMED_MULTIPART', `Isi multipart tidak dapat dibaca: ${detail}.`, `The multipart body cannot be read: ${detail}.`);
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

function notUnderReview(): Conflict {
  return new Conflict(
    'NOT_UNDER_REVIEW',
    text(
      'Catatan telaah hanya dapat dilampirkan selama rencana berada pada tahap telaah.',
      'Review notes can only be attached while the plan is at a review stage.',
    ),
  );
}

function stageChanged(): Conflict {
  return new Conflict(
    'STAGE_CHANGED',
    text(
      'Rencana telah berpindah dari tahap telaah catatan ini; catatan tersebut kini menjadi bagian dari riwayat.',
      'The plan has moved on from this note’s review stage; the note is now part of the record.',
    ),
  );
}

function reviewRefusalError(planId: string, refusal: ReviewRefusal): Error {
  if (refusal === 'PLAN_NOT_FOUND') return new NotFound(PLAN, planId);
  return refusal === 'NOT_UNDER_REVIEW' ? notUnderReview() : stageChanged();
}

/** Review notes: the plan must be at a review stage, and the user one who may act there. */
function requireReviewNoteRights(auth: AuthContext, plan: AttachmentPlan, planId: string): ReviewStage {
  requirePlanVisible(auth, plan, planId);
  // Checked before the role: no role acts at DRAFT or after the last decision, so a 403 would hide the reason.
  if (!isReviewStage(plan.stage)) throw notUnderReview();
  if (!canActAtStage(auth, plan, plan.stage)) {
    throw new Forbidden(
      text(
        `Hanya yang berwenang pada tahap ${PLAN_STAGE_LABELS[plan.stage].id} yang dapat melampirkan catatan telaah.`,
        `Only those who act at stage ${PLAN_STAGE_LABELS[plan.stage].en} may attach review notes.`,
      ),
    );
  }
  return plan.stage;
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
    const reviewStage = isReviewNote(upload.purpose) ? requireReviewNoteRights(auth, plan, planId) : undefined;
    if (reviewStage === undefined) {
      requireDraftRights(auth, plan, planId);
      if (plan.stage !== PlanStage.DRAFT) throw notADraft();
    }
    const checked = this.checkFile(file);
    const stored = await this.store.put(checked.buffer);
    try {
      const row = {
        id: randomUUID(),
        planId,
        fileName: checked.fileName,
        contentType: checked.contentType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storageKey: stored.key,
        // Who is logged in, not what the request claims.
        uploadedBy: auth.username,
      };
      // Recorded with the row, in its transaction: no upload without its audit entry.
      const audit = (created: AttachmentRecord) => attachmentAuditEvent(auth, plan, AuditAction.ATTACHMENT_UPLOADED, created);
      // The plan may have moved on or been removed since the checks above.
      if (reviewStage !== undefined) {
        const created = await this.attachments.createWhileUnderReview(row, reviewStage, audit);
        if (typeof created === 'string') throw reviewRefusalError(planId, created);
        return created;
      }
      const created = await this.attachments.createWhileDraft({ ...row, purpose: upload.purpose }, audit);
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
    requirePlanVisible(auth, plan, planId);
    // Only a review note takes its own rules; anything else (a missing file too) keeps the draft's.
    const existing = await this.attachments.findForPlan(planId, attachmentId);
    if (existing && isReviewNote(existing.purpose)) return this.removeReviewNote(auth, plan, existing);
    requireDraftRights(auth, plan, planId);
    const removed = await this.attachments.deleteWhileDraft(planId, attachmentId, (row) =>
      attachmentAuditEvent(auth, plan, AuditAction.ATTACHMENT_DELETED, row),
    );
    if (removed === null) throw new NotFound(ATTACHMENT, attachmentId);
    if (typeof removed === 'string') throw refusalError(planId, removed);
    await this.removeStored(removed.storageKey);
  }

  /** Only its uploader, while still entitled to act at its stage: a revoked role takes effect at once. */
  private async removeReviewNote(auth: AuthContext, plan: AttachmentPlan, note: AttachmentRecord): Promise<void> {
    if (note.uploadedBy !== auth.username || note.stage === null || !canActAtStage(auth, plan, note.stage)) {
      throw new Forbidden(
        text('Hanya pengunggah catatan telaah ini yang dapat menghapusnya.', 'Only the reviewer who attached this review note may remove it.'),
      );
    }
    const removed = await this.attachments.deleteReviewNoteWhileUnderReview(note.planId, note.id, (row) =>
      attachmentAuditEvent(auth, plan, AuditAction.ATTACHMENT_DELETED, row),
    );
    if (removed === null) throw new NotFound(ATTACHMENT, note.id);
    if (typeof removed === 'string') throw reviewRefusalError(note.planId, removed);
    await this.removeStored(removed.storageKey);
  }

  private async findPlan(planId: string): Promise<AttachmentPlan> {
    const plan = await this.attachments.findPlan(planId);
    if (!plan) throw new NotFound(PLAN, planId);
    return plan;
  }

  /** The same checks for any uploaded file (also the agreement documents'): present, not too large, an allowed type whose content matches. */
  checkFile(file: ReceivedFile | undefined) {
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
