import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthContext } from '../../../../domain/auth-context';
import { AttachmentResponseDto, UploadAttachmentBodyDto, UploadAttachmentDto, downloadHeaders, toAttachmentResponse } from '../dtos/attachment.dto';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { UploadErrorsInterceptor } from '../middleware/upload-errors.interceptor';
import { AttachmentService, type ReceivedFile } from '../services/attachment.service';
import { attachmentContentDisposition } from '../utils/attachment-file-name';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('attachments')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such plan (or not one you may see), or no such attachment on it' })
@Controller('plans/:id/attachments')
export class AttachmentsController {
  constructor(private readonly service: AttachmentService) {}

  @Post()
  @ApiOperation({
    operationId: 'uploadAttachment',
    summary: 'Attach a file to a plan',
    description:
      'Officers of the proposing agency attach files to a draft; whoever acts at the plan’s review stage may attach a REVIEW_NOTE. The file is the multipart part `file`.',
  })
  // Outermost first: the error mapping wraps multer's parsing.
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadAttachmentBodyDto })
  @ApiCreatedResponse({ type: AttachmentResponseDto })
  @ApiForbiddenResponse({
    type: ErrorResponseDto,
    description: 'Only officers of the proposing agency change a draft’s files; only who acts at the current review stage attaches a REVIEW_NOTE',
  })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'The plan is no longer a draft (NOT_A_DRAFT), or, for a REVIEW_NOTE, not at a review stage (NOT_UNDER_REVIEW, STAGE_CHANGED)',
  })
  async upload(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() dto: UploadAttachmentDto,
    @UploadedFile() file: ReceivedFile | undefined,
  ): Promise<AttachmentResponseDto> {
    return toAttachmentResponse(await this.service.upload(auth, id, file, dto));
  }

  @Get()
  @ApiOperation({ operationId: 'listAttachments', summary: 'List a plan’s attachments' })
  @ApiOkResponse({ type: [AttachmentResponseDto] })
  async list(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<AttachmentResponseDto[]> {
    return (await this.service.list(auth, id)).map(toAttachmentResponse);
  }

  @Get(':attachmentId')
  @ApiOperation({ operationId: 'downloadAttachment', summary: 'Download an attachment' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, with its SHA-256 in `ETag` and `Repr-Digest`', schema: { type: 'string', format: 'binary' } })
  async download(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('attachmentId', uuid) attachmentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.service.open(auth, id, attachmentId);
    response.set(downloadHeaders(attachment));
    return new StreamableFile(content, {
      type: attachment.contentType,
      length: attachment.sizeBytes,
      disposition: attachmentContentDisposition(attachment.fileName),
    });
  }

  @Delete(':attachmentId')
  @ApiOperation({ operationId: 'deleteAttachment', summary: 'Delete an attachment' })
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({
    type: ErrorResponseDto,
    description: 'Only officers of the proposing agency change a draft’s files; only its uploader removes a REVIEW_NOTE',
  })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'The plan is no longer a draft (NOT_A_DRAFT), or has left the review note’s stage (STAGE_CHANGED)',
  })
  async remove(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Param('attachmentId', uuid) attachmentId: string): Promise<void> {
    await this.service.remove(auth, id, attachmentId);
  }
}
