// Request and response shapes of an agreement's documents (KB, PKS): draft versions, signed
// copies and comments. Files arrive as the multipart part `file`, checked by the service;
// these are the text fields beside it. The uploader is the logged-in user.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AGREEMENT_DOCUMENTS } from '../../../../domain/agreement-document';
import type { DocumentVersionRecord } from '../../../../persistence/agreement-document.repository';
import type { AgreementDocumentsView, SignedCopyStatus } from '../services/agreement-document.service';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FILE_PROPERTY = {
  type: 'string',
  format: 'binary',
  description: 'Satu berkas: pdf, doc, docx, xls, xlsx, odt, ods, png, jpg/jpeg (batas ukuran: ATTACHMENT_MAX_BYTES)',
} as const;

export class UploadDraftVersionDto {
  @ApiPropertyOptional({ description: 'Ringkasan perubahan versi ini / what changed in this version' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  summary?: string;
}

/** Only for the OpenAPI document: the multipart body with its file part. */
export class UploadDraftVersionBodyDto extends UploadDraftVersionDto {
  @ApiProperty(FILE_PROPERTY) file!: unknown;
}

export class UploadSignedCopyDto {
  @ApiProperty({ description: 'Nomor naskah (unik per daerah)', example: '180/12/KB/2027' }) @IsString() @IsNotEmpty() @MaxLength(200) number!: string;
  @ApiProperty({ example: '2027-01-10' }) @Matches(ISO_DATE, { message: 'signedOn must be YYYY-MM-DD' }) signedOn!: string;
  @ApiProperty({ description: 'Para penanda tangan, satu per baris / the signatories, one per line', example: 'Wali Kota Bogor\nBupati Bogor' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  signatories!: string;

  @ApiPropertyOptional({ description: 'Nomor surat kuasa, bila ditandatangani pejabat atas kuasa kepala daerah' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  powerOfAttorneyNumber?: string;

  @ApiPropertyOptional({ example: '2027-01-05' }) @IsOptional() @Matches(ISO_DATE) powerOfAttorneyGrantedOn?: string;
  @ApiPropertyOptional({ description: 'Pejabat penerima kuasa' }) @IsOptional() @IsString() @MaxLength(200) powerOfAttorneyGrantee?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) summary?: string;
}

/** Only for the OpenAPI document: the multipart body with its file part. */
export class UploadSignedCopyBodyDto extends UploadSignedCopyDto {
  @ApiProperty(FILE_PROPERTY) file!: unknown;
}

export class AddDocumentCommentDto {
  @ApiProperty({ description: 'Komentar penelaah / the reviewer’s comment' }) @IsString() @IsNotEmpty() @MaxLength(4000) body!: string;
}

export class DocumentCommentResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty() author!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty() authorRole!: string;
  @ApiProperty() body!: string;
  @ApiProperty() createdAt!: string;
}

export class DocumentVersionResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: AGREEMENT_DOCUMENTS }) document!: string;
  @ApiProperty({ enum: ['DRAFT', 'SIGNED'] }) kind!: string;
  @ApiProperty({ description: '1, 2, 3… per document and kind' }) version!: number;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the content, lower-case hex' }) sha256!: string;
  @ApiPropertyOptional({ description: 'A PDF’s page count, when readable' }) pageCount?: number;
  @ApiPropertyOptional() summary?: string;
  @ApiProperty({ description: 'The agreement’s stage at upload' }) stage!: string;
  @ApiProperty() uploadedBy!: string;
  @ApiProperty() uploaderName!: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional() number?: string;
  @ApiPropertyOptional() signedOn?: string;
  @ApiPropertyOptional({ type: [String] }) signatories?: string[];
  @ApiPropertyOptional({ enum: ['SIGNED', 'PENDING', 'UNUSED'], description: 'A signed copy: the signing rests on it, waits for it, or was returned unsigned' })
  status?: SignedCopyStatus;
  @ApiProperty({ type: [DocumentCommentResponseDto] }) comments!: DocumentCommentResponseDto[];
}

export class AgreementDocumentsResponseDto {
  @ApiProperty({ enum: AGREEMENT_DOCUMENTS }) document!: string;
  @ApiProperty({ type: [DocumentVersionResponseDto] }) drafts!: DocumentVersionResponseDto[];
  @ApiProperty({ type: [DocumentVersionResponseDto] }) signedCopies!: DocumentVersionResponseDto[];
}

type CommentRow = { id: string; versionId: string; author: string; authorName: string; authorRole: string; body: string; createdAt: Date };

export function toDocumentComment(row: CommentRow): DocumentCommentResponseDto {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export function toDocumentVersion(row: DocumentVersionRecord & { comments?: CommentRow[]; status?: SignedCopyStatus }): DocumentVersionResponseDto {
  return {
    id: row.id,
    document: row.document,
    kind: row.kind,
    version: row.version,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    ...(row.pageCount !== null && { pageCount: row.pageCount }),
    ...(row.summary && { summary: row.summary }),
    stage: row.stage,
    uploadedBy: row.uploadedBy,
    uploaderName: row.uploaderName,
    createdAt: row.createdAt.toISOString(),
    ...(row.number && { number: row.number }),
    ...(row.signedOn && { signedOn: row.signedOn }),
    ...(row.signatories !== null && { signatories: row.signatories as string[] }),
    ...(row.status && { status: row.status }),
    comments: (row.comments ?? []).map(toDocumentComment),
  };
}

export function toAgreementDocuments(view: AgreementDocumentsView): AgreementDocumentsResponseDto {
  return { document: view.document, drafts: view.drafts.map(toDocumentVersion), signedCopies: view.signedCopies.map(toDocumentVersion) };
}
