import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import { EmailDeliveryPageResponseDto, EmailDeliveryResponseDto, ListEmailDeliveriesQueryDto, toEmailDeliveryResponse } from '../dtos/email-delivery.dto';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { EmailDeliveryService } from '../services/email-delivery.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('admin')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Bukan admin wilayah yang bersangkutan' })
@Controller('admin/email-deliveries')
export class AdminEmailDeliveriesController {
  constructor(private readonly service: EmailDeliveryService) {}

  @Get()
  @ApiOperation({
    operationId: 'listEmailDeliveries',
    summary: 'List notification e-mails',
    description: 'Surel pemberitahuan di wilayah yang Anda kelola, terbaru lebih dulu (mis. status=FAILED).',
  })
  @ApiOkResponse({ type: EmailDeliveryPageResponseDto })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: ListEmailDeliveriesQueryDto): Promise<EmailDeliveryPageResponseDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, total } = await this.service.list(auth, { status: query.status, regionCode: query.regionCode, page, pageSize });
    return { items: items.map(toEmailDeliveryResponse), total, page, pageSize };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'retryEmailDelivery',
    summary: 'Send a failed e-mail again',
    description: 'Kirim ulang surel yang gagal: kembali PENDING, lalu dikirim dengan percobaan ulang seperti semula.',
  })
  @ApiOkResponse({ type: EmailDeliveryResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Surel itu tidak berstatus FAILED' })
  async retry(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<EmailDeliveryResponseDto> {
    return toEmailDeliveryResponse(await this.service.retry(auth, id));
  }
}
