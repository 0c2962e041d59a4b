import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiBadRequestResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AGREEMENT_DOCUMENTS, type AgreementDocument } from '../../../../domain/agreement-document';
import type { AuthContext } from '../../../../domain/auth-context';
import { ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import {
  AddDocumentCommentDto,
  AgreementDocumentsResponseDto,
  DocumentCommentResponseDto,
  DocumentVersionResponseDto,
  UploadDraftVersionBodyDto,
  UploadDraftVersionDto,
  UploadSignedCopyBodyDto,
  UploadSignedCopyDto,
  toAgreementDocuments,
  toDocumentComment,
  toDocumentVersion,
} from '../dtos/agreement-document.dto';
import { downloadHeaders } from '../dtos/attachment.dto';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { UploadErrorsInterceptor } from '../middleware/upload-errors.interceptor';
import { AgreementDocumentService } from '../services/agreement-document.service';
import type { ReceivedFile } from '../services/attachment.service';
import { attachmentContentDisposition } from '../utils/attachment-file-name';

const uuid = new ParseUUIDPipe({ version: '4' });

function documentOf(value: string): AgreementDocument {
  if ((AGREEMENT_DOCUMENTS as readonly string[]).includes(value)) return value as AgreementDocument;
  throw new ValidationFailed([
    { field: 'document', reason: 'UNKNOWN', message: text(`Naskah '${value}' tidak dikenal: KB atau PKS.`, `Unknown document '${value}': KB or PKS.`) },
  ]);
}

@ApiTags('agreements')
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown agreement or version, or in a region the caller cannot see' })
@Controller('agreements/:id/documents')
export class AgreementDocumentsController {
  constructor(private readonly service: AgreementDocumentService) {}

  @Get()
  @ApiOperation({ operationId: 'listAgreementDocuments', summary: 'The KB’s and PKS’s draft versions, comments and signed copies' })
  @ApiOkResponse({ type: [AgreementDocumentsResponseDto] })
  async list(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<AgreementDocumentsResponseDto[]> {
    return (await this.service.list(auth, id)).map(toAgreementDocuments);
  }

  @Post(':document/versions')
  @ApiOperation({
    operationId: 'uploadAgreementDraftVersion',
    summary: 'Upload the next draft version of the KB or PKS',
    description:
      'The secretariat while the document is drafted; the legal bureau during the PKS’s legal review. Numbered 1, 2, 3…; never replaced. The file is the multipart part `file`.',
  })
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadDraftVersionBodyDto })
  @ApiCreatedResponse({ type: DocumentVersionResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not at a stage where this document is drafted (NOT_DRAFTING, STAGE_CHANGED)' })
  async uploadDraft(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('document') document: string,
    @Body() dto: UploadDraftVersionDto,
    @UploadedFile() file: ReceivedFile | undefined,
  ): Promise<DocumentVersionResponseDto> {
    return toDocumentVersion(await this.service.uploadDraft(auth, id, documentOf(document), file, dto.summary));
  }

  @Post(':document/signed-copy')
  @ApiOperation({
    operationId: 'uploadAgreementSignedCopy',
    summary: 'Upload the signed copy of the KB or PKS, with its number, date and signatories',
    description:
      'At the document’s signing stage, by the secretariat or the holder of the signing task; one per signing round, final. The signing step then rests on it. The file is the multipart part `file`.',
  })
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadSignedCopyBodyDto })
  @ApiCreatedResponse({ type: DocumentVersionResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description:
      'Not at the signing stage (NOT_SIGNING, STAGE_CHANGED), already uploaded (SIGNED_COPY_EXISTS), or the number is taken (AGREEMENT_NUMBER_TAKEN)',
  })
  async uploadSignedCopy(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('document') document: string,
    @Body() dto: UploadSignedCopyDto,
    @UploadedFile() file: ReceivedFile | undefined,
  ): Promise<DocumentVersionResponseDto> {
    const poa = dto.powerOfAttorneyNumber?.trim() || dto.powerOfAttorneyGrantee?.trim() || dto.powerOfAttorneyGrantedOn;
    if (poa && !(dto.powerOfAttorneyNumber?.trim() && dto.powerOfAttorneyGrantee?.trim() && dto.powerOfAttorneyGrantedOn)) {
      throw new ValidationFailed([
        {
          field: 'powerOfAttorney',
          reason: 'INCOMPLETE',
          message: text('Surat kuasa harus memuat nomor, tanggal dan penerima kuasa.', 'A power of attorney needs its number, date and grantee.'),
        },
      ]);
    }
    const created = await this.service.uploadSignedCopy(auth, id, documentOf(document), file, {
      number: dto.number,
      signedOn: dto.signedOn,
      signatories: dto.signatories.split('\n'),
      summary: dto.summary,
      ...(poa && {
        powerOfAttorney: { number: dto.powerOfAttorneyNumber!.trim(), grantedOn: dto.powerOfAttorneyGrantedOn!, grantee: dto.powerOfAttorneyGrantee!.trim() },
      }),
    });
    return toDocumentVersion(created);
  }

  @Post('versions/:versionId/comments')
  @ApiOperation({
    operationId: 'commentAgreementDocumentVersion',
    summary: 'Comment on one version',
    description: 'The region’s reviewers (secretariat, legal bureau, Sekda, head of region), until the document is signed.',
  })
  @ApiCreatedResponse({ type: DocumentCommentResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The document is signed (ALREADY_SIGNED)' })
  async comment(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('versionId', uuid) versionId: string,
    @Body() dto: AddDocumentCommentDto,
  ): Promise<DocumentCommentResponseDto> {
    return toDocumentComment(await this.service.comment(auth, id, versionId, dto.body));
  }

  @Get('versions/:versionId/file')
  @ApiOperation({ operationId: 'downloadAgreementDocumentVersion', summary: 'Download one version’s file' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, with its SHA-256 in `ETag` and `Repr-Digest`', schema: { type: 'string', format: 'binary' } })
  async download(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('versionId', uuid) versionId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { version, content } = await this.service.open(auth, id, versionId);
    response.set(downloadHeaders(version));
    return new StreamableFile(content, { type: version.contentType, length: version.sizeBytes, disposition: attachmentContentDisposition(version.fileName) });
  }
}
