import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import { ErrorResponseDto } from '../dtos/error.dto';
import { MappingParamsDto, MappingQueryDto, MappingResponseDto, toMappingResponse } from '../dtos/mapping.dto';
import { PDF_CONTENT_TYPE } from '../renderers/mapping-pdf';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { XLSX_CONTENT_TYPE } from '../renderers/mapping-xlsx';
import { MappingService, type MappingExport, type MappingQuery } from '../services/mapping.service';

const SCOPE =
  'Pemetaan adalah seluruh rencana kerja sama satu wilayah untuk satu tahun anggaran, yang dilaporkan ke atas ' +
  '(kabupaten/kota kepada gubernur, provinsi kepada Kemendagri). Memuat semua rencana yang tidak ditolak, apa pun ' +
  'tahapnya (termasuk draf); rencana ditolak hanya dicantumkan dengan `includeRejected=true`, di bagian akhir, dan ' +
  'tidak pernah dihitung dalam jumlah. Satu baris per objek (urusan) rencana; biaya rencana hanya pada baris ' +
  'pertamanya sehingga jumlah kolom biaya sama dengan jumlah keseluruhan.';

const BINARY = { type: 'string', format: 'binary' } as const;

const toQuery = (params: MappingParamsDto, query: MappingQueryDto): MappingQuery => ({
  regionCode: params.regionCode,
  budgetYear: params.budgetYear,
  includeRejected: query.includeRejected ?? false,
});

// The file name is digits, dots and letters only (see mappingFileName), so it needs no encoding.
const download = (file: MappingExport) =>
  new StreamableFile(file.content, { type: file.contentType, length: file.content.length, disposition: `attachment; filename="${file.fileName}"` });

@ApiTags('mappings')
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Tidak berperan di wilayah itu, atau hanya sebagai petugas pengusul' })
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Kode wilayah atau tahun anggaran tidak valid' })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Wilayah tidak dikenal' })
@Controller('mappings')
export class MappingController {
  constructor(private readonly service: MappingService) {}

  @Get(':regionCode/:budgetYear')
  @ApiOperation({ operationId: 'getMapping', summary: 'Get a region’s mapping for a budget year', description: SCOPE })
  @ApiOkResponse({ type: MappingResponseDto })
  async get(@CurrentAuth() auth: AuthContext, @Param() params: MappingParamsDto, @Query() query: MappingQueryDto): Promise<MappingResponseDto> {
    return toMappingResponse(await this.service.matrix(auth, toQuery(params, query)));
  }

  @Get(':regionCode/:budgetYear/export.xlsx')
  @ApiOperation({
    operationId: 'exportMappingXlsx',
    summary: 'Export a mapping as an Excel workbook',
    description: `Lembar Pemetaan dan Ringkasan. ${SCOPE}`,
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'Berkas pemetaan-ksd-<kode>-<tahun>.xlsx', schema: BINARY })
  async xlsx(@CurrentAuth() auth: AuthContext, @Param() params: MappingParamsDto, @Query() query: MappingQueryDto): Promise<StreamableFile> {
    return download(await this.service.xlsx(auth, toQuery(params, query)));
  }

  @Get(':regionCode/:budgetYear/export.pdf')
  @ApiOperation({
    operationId: 'exportMappingPdf',
    summary: 'Export a mapping as a printable PDF',
    description: `A4 lanskap dengan blok tanda tangan. ${SCOPE}`,
  })
  @ApiProduces(PDF_CONTENT_TYPE)
  @ApiOkResponse({ description: 'Berkas pemetaan-ksd-<kode>-<tahun>.pdf', schema: BINARY })
  async pdf(@CurrentAuth() auth: AuthContext, @Param() params: MappingParamsDto, @Query() query: MappingQueryDto): Promise<StreamableFile> {
    return download(await this.service.pdf(auth, toQuery(params, query)));
  }
}
