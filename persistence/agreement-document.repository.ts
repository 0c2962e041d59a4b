// The KB's and PKS's documents in the read model: draft versions, signed copies and the
// reviewers' comments. The only writer of AgreementDocumentVersion and AgreementDocumentComment,
// both append-only (a trigger refuses UPDATE and DELETE). Every insert checks the agreement's
// stage under a lock on its row, so a move landing at the same moment either waits for the
// upload or is seen by it, and numbers its version under that lock.
import type { Prisma, PrismaClient } from '../prisma/client';
import type { AgreementStage } from '../domain/agreement-stage';
import type { AgreementDocument, DocumentVersionKind } from '../domain/agreement-document';
import type { AuditEventInput } from '../domain/audit-event';
import { appendAuditEvent } from './audit-trail';

type Transaction = Prisma.TransactionClient;

export interface NewDocumentVersion {
  id: string;
  agreementId: string;
  document: AgreementDocument;
  kind: DocumentVersionKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  pageCount: number | null;
  summary: string | null;
  uploadedBy: string;
  uploaderName: string;
  number?: string;
  signedOn?: string;
  signatories?: string[];
  powerOfAttorney?: { number: string; grantedOn: string; grantee: string };
  createdAt: Date;
}

export interface NewDocumentComment {
  id: string;
  versionId: string;
  agreementId: string;
  author: string;
  authorName: string;
  authorRole: string;
  body: string;
  createdAt: Date;
}

/** Where the agreement stood under the lock: its stage and the move that opened it. */
export interface LockedAgreement {
  stage: AgreementStage;
  lastSequence: number;
}

/** Why an insert did not happen: the stage moved on since the caller checked, or the round already has its signed copy. */
export type DocumentWriteRefusal = 'AGREEMENT_NOT_FOUND' | 'STAGE_CHANGED' | 'SIGNED_COPY_EXISTS';

export type DocumentVersionRecord = NonNullable<Awaited<ReturnType<AgreementDocumentRepository['findVersion']>>>;

export class AgreementDocumentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Every version of the agreement's documents with its comments, oldest first. */
  listVersions(agreementId: string) {
    return this.prisma.agreementDocumentVersion.findMany({
      where: { agreementId },
      orderBy: [{ document: 'asc' }, { kind: 'asc' }, { version: 'asc' }],
      include: { comments: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
    });
  }

  findVersion(agreementId: string, id: string) {
    return this.prisma.agreementDocumentVersion.findFirst({ where: { id, agreementId } });
  }

  /** The signed copy uploaded in this signing round, if any. */
  findSignedCopy(agreementId: string, document: AgreementDocument, round: number) {
    return this.prisma.agreementDocumentVersion.findFirst({ where: { agreementId, document, kind: 'SIGNED', round } });
  }

  /**
   * Adds a version (draft or signed copy) if the agreement is still at the stage the caller
   * checked: numbered next for its document and kind, tied to the round (the move that opened the stage).
   */
  async addVersion(
    version: NewDocumentVersion,
    expectedStage: AgreementStage,
    audit?: (created: DocumentVersionRecord) => AuditEventInput,
  ): Promise<DocumentVersionRecord | DocumentWriteRefusal> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await this.lock(tx, version.agreementId);
      if (!locked) return 'AGREEMENT_NOT_FOUND';
      if (locked.stage !== expectedStage) return 'STAGE_CHANGED';
      if (version.kind === 'SIGNED') {
        const existing = await tx.agreementDocumentVersion.count({
          where: { agreementId: version.agreementId, document: version.document, kind: 'SIGNED', round: locked.lastSequence },
        });
        if (existing > 0) return 'SIGNED_COPY_EXISTS';
      }
      const last = await tx.agreementDocumentVersion.aggregate({
        where: { agreementId: version.agreementId, document: version.document, kind: version.kind },
        _max: { version: true },
      });
      const { signatories, powerOfAttorney, ...rest } = version;
      const created = await tx.agreementDocumentVersion.create({
        data: {
          ...rest,
          version: (last._max.version ?? 0) + 1,
          stage: locked.stage,
          round: locked.lastSequence,
          ...(signatories && { signatories }),
          ...(powerOfAttorney && { powerOfAttorney }),
        },
      });
      // Recorded with the row, in its transaction: no upload without its audit entry.
      if (audit) await appendAuditEvent(tx, audit(created));
      return created;
    });
  }

  addComment(comment: NewDocumentComment, audit?: AuditEventInput) {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.agreementDocumentComment.create({ data: comment });
      if (audit) await appendAuditEvent(tx, audit);
      return created;
    });
  }

  // FOR UPDATE: two uploads of the same agreement take their version numbers one after the
  // other, and the projection's UPDATE of the stage waits for (or is seen by) the upload.
  private async lock(tx: Transaction, agreementId: string): Promise<LockedAgreement | null> {
    const rows = await tx.$queryRaw<LockedAgreement[]>`
      SELECT "stage"::text AS "stage", "lastSequence" FROM "Agreement" WHERE "id" = ${agreementId}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  }
}
