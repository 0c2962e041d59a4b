import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import { AuditExportQueryDto, AuditPageQueryDto, AuditPageResponseDto, toAuditEventResponse } from '../dtos/audit.dto';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { AuditService } from '../services/audit.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('audit')
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such plan, or one the caller may not see' })
@Controller('plans/:id/audit')
export class AuditController {
  constructor(private readonly service: AuditService) {}

  @Get()
  @ApiOperation({
    operationId: 'listAuditEvents',
    summary: 'List a plan’s audit trail',
    description: 'Jejak audit rencana, terlama lebih dulu (siapa, peran, apa, kapan, tahap, sebelum/sesudah).',
  })
  @ApiOkResponse({ type: AuditPageResponseDto })
  async page(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Query() query: AuditPageQueryDto): Promise<AuditPageResponseDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { items, total } = await this.service.page(auth, id, page, pageSize);
    return { items: items.map(toAuditEventResponse), total, page, pageSize };
  }

  @Get('export')
  @ApiOperation({
    operationId: 'exportAuditTrail',
    summary: 'Export a plan’s audit trail',
    description: 'Seluruh jejak audit rencana sebagai berkas CSV (UTF-8 dengan BOM, untuk Excel) atau JSON.',
  })
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'Berkas audit-<id>.csv atau audit-<id>.json', schema: { type: 'string', format: 'binary' } })
  async export(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Query() query: AuditExportQueryDto): Promise<StreamableFile> {
    const file = await this.service.export(auth, id, query.format ?? 'csv');
    // The file name is a fixed word, a UUID and an extension: nothing to encode.
    return new StreamableFile(file.content, { type: file.contentType, length: file.content.length, disposition: `attachment; filename="${file.fileName}"` });
  }
}
