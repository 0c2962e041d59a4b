// Request and response shapes of a plan's attachments. The file itself arrives as the
// multipart part `file` and is checked by the service; these are the text fields beside it.
// The uploader is the logged-in user, so the request does not name one.
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn } from 'class-validator';
import { ATTACHMENT_PURPOSES, type AttachmentPurpose } from '../../../../domain/attachment-purpose';
import type { AttachmentRecord } from '../../../../persistence/attachment.repository';

export class UploadAttachmentDto {
  @ApiProperty({ enum: ATTACHMENT_PURPOSES, example: 'FEASIBILITY_STUDY' })
  @IsDefined()
  @IsIn(ATTACHMENT_PURPOSES)
  purpose!: AttachmentPurpose;
}

/** Only for the OpenAPI document: the multipart body with its file part. */
export class UploadAttachmentBodyDto extends UploadAttachmentDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'Satu berkas: pdf, doc, docx, xls, xlsx, odt, ods, png, jpg/jpeg (batas ukuran: ATTACHMENT_MAX_BYTES)',
  })
  file!: unknown;
}

export class AttachmentResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ATTACHMENT_PURPOSES }) purpose!: string;
  @ApiProperty({ example: 'Kajian kelayakan TPA regional.pdf' }) fileName!: string;
  @ApiProperty({ example: 'application/pdf' }) contentType!: string;
  @ApiProperty({ example: 1048576 }) sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the content, lower-case hex' }) sha256!: string;
  @ApiProperty({ example: 'officer.kotabogor', description: 'Nama pengguna yang mengunggah' }) uploadedBy!: string;
  @ApiProperty() createdAt!: Date;
}

export function toAttachmentResponse(attachment: AttachmentRecord): AttachmentResponseDto {
  return {
    id: attachment.id,
    purpose: attachment.purpose,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    uploadedBy: attachment.uploadedBy,
    createdAt: attachment.createdAt,
  };
}

/** Sent with a download, beside its type, length and disposition. */
export function downloadHeaders(attachment: Pick<AttachmentRecord, 'sha256'>): Record<string, string> {
  return {
    ETag: `"${attachment.sha256}"`,
    // RFC 9530: the digest of the whole file, base64 of the raw hash.
    'Repr-Digest': `sha-256=:${Buffer.from(attachment.sha256, 'hex').toString('base64')}:`,
    // The browser must not second-guess the type of an uploaded file.
    'X-Content-Type-Options': 'nosniff',
    // A downloaded file is kept by no cache, the browser's included.
    'Cache-Control': 'no-store',
  };
}
