// The KB's and PKS's documents of an agreement: draft versions (secretariat while drafting,
// legal bureau during its review), reviewers' comments on each version, and the signed copy
// (secretariat or the signing task's holder, at the signing stage) that a signing requires.
// Seen by whoever sees the agreement (the region's users and the owning agency). Every
// check runs before a byte reaches the store; whatever fails after removes the bytes again,
// so a refused upload leaves no row and no file. Nothing accepted is ever replaced.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import {
  AGREEMENT_DOCUMENTS,
  DOCUMENT_COMMENTERS,
  SIGNING_STAGE_OF,
  refuseComment,
  refuseDraftUpload,
  refuseSignedCopy,
  type AgreementDocument,
  type DocumentRefusal,
} from '../../../../domain/agreement-document';
import type { Signing } from '../../../../domain/agreement-transition';
import { AuditAction, AuditEntity } from '../../../../domain/audit-action';
import { auditActor } from '../../../../domain/audit-actor';
import { hasRole, type AuthContext } from '../../../../domain/auth-context';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import {
  AgreementDocumentRepository,
  type DocumentVersionRecord,
  type DocumentWriteRefusal,
  type NewDocumentVersion,
} from '../../../../persistence/agreement-document.repository';
import { AgreementRepository, numberConflict } from '../../../../persistence/agreement.repository';
import { AttachmentStore } from '../repositories/attachment-store';
import { pdfPageCount } from '../utils/pdf-page-count';
import { AgreementService, type AgreementRecord } from './agreement.service';
import { AttachmentService, type ReceivedFile } from './attachment.service';

const VERSION = { id: 'Versi naskah', en: 'Document version' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The particulars a signed copy carries, as the multipart fields beside its file. */
export interface SignedCopyInput {
  number: string;
  signedOn: string;
  signatories: string[];
  powerOfAttorney?: { number: string; grantedOn: string; grantee: string };
  summary?: string;
}

/** What a signed copy became: the signing rests on it, it waits for the signing, or its round was returned unsigned. */
export type SignedCopyStatus = 'SIGNED' | 'PENDING' | 'UNUSED';

export interface AgreementDocumentsView {
  document: AgreementDocument;
  drafts: DocumentVersionRecord[];
  signedCopies: Array<DocumentVersionRecord & { status: SignedCopyStatus }>;
}

function refused(refusal: DocumentRefusal): Error {
  const violation = { field: refusal.field, reason: refusal.reason, message: refusal.message };
  return refusal.status === 403 ? new Forbidden(refusal.message, refusal.reason, [violation]) : new Conflict(refusal.reason, refusal.message, [violation]);
}

function writeRefused(agreementId: string, refusal: DocumentWriteRefusal): Error {
  if (refusal === 'AGREEMENT_NOT_FOUND') return new NotFound({ id: 'Perjanjian kerja sama', en: 'Cooperation agreement' }, agreementId);
  if (refusal === 'SIGNED_COPY_EXISTS') {
    return new Conflict(
      'SIGNED_COPY_EXISTS',
      text(
        'Salinan bertanda tangan untuk penandatanganan ini sudah diunggah dan bersifat final.',
        'The signed copy for this signing has already been uploaded and is final.',
      ),
      [{ field: 'file', reason: 'SIGNED_COPY_EXISTS', message: text('Salinan bertanda tangan bersifat final.', 'A signed copy is final.') }],
    );
  }
  return new Conflict('STAGE_CHANGED', text('Perjanjian telah berpindah tahap; muat ulang halaman.', 'The agreement has moved on; reload the page.'));
}

/** Signings already recorded, by the signed copy they rest on. */
function signedCopyIds(agreement: AgreementRecord): Set<string> {
  const ids = new Set<string>();
  for (const transition of agreement.transitions) {
    const signing = (transition.details as { signing?: Signing } | null)?.signing;
    if (transition.outcome === 'APPROVE' && signing?.signedCopy) ids.add(signing.signedCopy.id);
  }
  return ids;
}

@Injectable()
export class AgreementDocumentService {
  private readonly logger = new Logger(AgreementDocumentService.name);

  constructor(
    private readonly agreementsService: AgreementService,
    private readonly agreements: AgreementRepository,
    private readonly documents: AgreementDocumentRepository,
    private readonly attachments: AttachmentService,
    private readonly store: AttachmentStore,
  ) {}

  async list(auth: AuthContext, agreementId: string): Promise<AgreementDocumentsView[]> {
    const agreement = await this.agreementsService.get(auth, agreementId);
    const versions = await this.documents.listVersions(agreementId);
    const signed = signedCopyIds(agreement);
    return AGREEMENT_DOCUMENTS.map((document) => ({
      document,
      drafts: versions.filter((v) => v.document === document && v.kind === 'DRAFT'),
      signedCopies: versions
        .filter((v) => v.document === document && v.kind === 'SIGNED')
        .map((v) => ({
          ...v,
          status: signed.has(v.id)
            ? ('SIGNED' as const)
            : agreement.stage === SIGNING_STAGE_OF[document] && v.round === agreement.lastSequence
              ? ('PENDING' as const)
              : ('UNUSED' as const),
        })),
    }));
  }

  async uploadDraft(auth: AuthContext, agreementId: string, document: AgreementDocument, file: ReceivedFile | undefined, summary?: string) {
    const agreement = await this.agreementsService.get(auth, agreementId);
    const refusal = refuseDraftUpload(auth, agreement.regionCode, agreement.stage, document);
    if (refusal) throw refused(refusal);
    return this.store_(auth, agreement, file, { document, kind: 'DRAFT', summary: summary?.trim() || null });
  }

  async uploadSignedCopy(auth: AuthContext, agreementId: string, document: AgreementDocument, file: ReceivedFile | undefined, input: SignedCopyInput) {
    const agreement = await this.agreementsService.get(auth, agreementId);
    const refusal = refuseSignedCopy(auth, agreement.regionCode, agreement.stage, document, agreement.tasks[0]?.assigneeId);
    if (refusal) throw refused(refusal);
    const signatories = input.signatories.map((name) => name.trim()).filter(Boolean);
    const violations = [
      ...(!input.number?.trim()
        ? [{ field: 'number', reason: 'REQUIRED', message: text('Nomor naskah wajib diisi.', 'The document number is required.') }]
        : []),
      ...(!ISO_DATE.test(input.signedOn ?? '')
        ? [
            {
              field: 'signedOn',
              reason: 'FORMAT',
              message: text('Tanggal tanda tangan tidak valid (YYYY-MM-DD).', 'The signing date is not valid (YYYY-MM-DD).'),
            },
          ]
        : []),
      ...(signatories.length === 0
        ? [{ field: 'signatories', reason: 'REQUIRED', message: text('Sebutkan para penanda tangan.', 'Name the signatories.') }]
        : []),
    ];
    if (violations.length > 0) throw new ValidationFailed(violations);
    const number = input.number.trim();
    if (await this.agreements.numberTaken(agreement.regionCode, document, number, agreementId)) throw numberConflict(number);
    if ((await this.documents.findSignedCopy(agreementId, document, agreement.lastSequence)) !== null) throw writeRefused(agreementId, 'SIGNED_COPY_EXISTS');
    return this.store_(auth, agreement, file, {
      document,
      kind: 'SIGNED',
      summary: input.summary?.trim() || null,
      number,
      signedOn: input.signedOn,
      signatories,
      ...(input.powerOfAttorney && { powerOfAttorney: input.powerOfAttorney }),
    });
  }

  async comment(auth: AuthContext, agreementId: string, versionId: string, body: string) {
    const agreement = await this.agreementsService.get(auth, agreementId);
    const version = await this.documents.findVersion(agreementId, versionId);
    if (!version) throw new NotFound(VERSION, versionId);
    const signed = Boolean(version.document === 'KB' ? agreement.kbNumber : agreement.pksNumber);
    const refusal = refuseComment(auth, agreement.regionCode, signed);
    if (refusal) throw refused(refusal);
    if (!body?.trim()) {
      throw new ValidationFailed([{ field: 'body', reason: 'REQUIRED', message: text('Isi komentar wajib diisi.', 'The comment must not be empty.') }]);
    }
    const role = DOCUMENT_COMMENTERS.find((r) => hasRole(auth, r, agreement.regionCode))!;
    const id = randomUUID();
    const comment = {
      id,
      versionId,
      agreementId,
      author: auth.username,
      authorName: auth.displayName,
      authorRole: role,
      body: body.trim(),
      createdAt: new Date(),
    };
    return this.documents.addComment(comment, {
      ...auditActor(auth, agreement.regionCode),
      action: AuditAction.COMMENT_ADDED,
      planId: agreement.planId,
      entity: AuditEntity.COMMENT,
      entityId: id,
      after: { agreementId, document: version.document, kind: version.kind, version: version.version, body: comment.body },
    });
  }

  async open(auth: AuthContext, agreementId: string, versionId: string): Promise<{ version: DocumentVersionRecord; content: Readable }> {
    await this.agreementsService.get(auth, agreementId);
    const version = await this.documents.findVersion(agreementId, versionId);
    if (!version) throw new NotFound(VERSION, versionId);
    return { version, content: await this.store.read(version.storageKey) };
  }

  private async store_(
    auth: AuthContext,
    agreement: AgreementRecord,
    file: ReceivedFile | undefined,
    fields: Pick<NewDocumentVersion, 'document' | 'kind' | 'summary' | 'number' | 'signedOn' | 'signatories' | 'powerOfAttorney'>,
  ): Promise<DocumentVersionRecord> {
    const checked = this.attachments.checkFile(file);
    const stored = await this.store.put(checked.buffer);
    try {
      const created = await this.documents.addVersion(
        {
          id: randomUUID(),
          agreementId: agreement.id,
          ...fields,
          fileName: checked.fileName,
          contentType: checked.contentType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storageKey: stored.key,
          pageCount: checked.contentType === 'application/pdf' ? pdfPageCount(checked.buffer) : null,
          // Who is logged in, not what the request claims.
          uploadedBy: auth.username,
          uploaderName: auth.displayName,
          createdAt: new Date(),
        },
        agreement.stage,
        (row) => ({
          ...auditActor(auth, agreement.regionCode),
          action: AuditAction.ATTACHMENT_UPLOADED,
          planId: agreement.planId,
          entity: AuditEntity.ATTACHMENT,
          entityId: row.id,
          after: {
            agreementId: agreement.id,
            document: row.document,
            kind: row.kind,
            version: row.version,
            fileName: row.fileName,
            sizeBytes: row.sizeBytes,
            sha256: row.sha256,
            ...(row.number && { number: row.number, signedOn: row.signedOn, signatories: row.signatories }),
          },
        }),
      );
      if (typeof created === 'string') throw writeRefused(agreement.id, created);
      return created;
    } catch (error) {
      await this.store.delete(stored.key).catch((err: unknown) => this.logger.error({ err, storageKey: stored.key }, 'could not remove a document file'));
      throw error;
    }
  }
}
