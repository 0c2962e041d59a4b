import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
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
import {
  ChangeDocumentStateDto,
  DocumentListQueryDto,
  DocumentLineDto,
  PlanningDocumentDto,
  RegisterDocumentDto,
  toDocumentDto,
  toLineDto,
} from '../dtos/planning-document.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { XLSX_CONTENT_TYPE } from '../renderers/mapping-xlsx';
import { PDF_CONTENT_TYPE } from '../renderers/mapping-pdf';
import { PlanningDocumentService, type FileExport } from '../services/planning-document.service';

const uuid = new ParseUUIDPipe({ version: '4' });
const BINARY = { type: 'string', format: 'binary' } as const;
// File names are built from codes, digits and a uuid only, so they need no encoding.
const download = (file: FileExport) =>
  new StreamableFile(file.content, { type: file.contentType, length: file.content.length, disposition: `attachment; filename="${file.fileName}"` });

@ApiTags('planning-documents')
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller()
export class PlanningDocumentsController {
  constructor(private readonly service: PlanningDocumentService) {}

  @Get('planning-documents')
  @ApiOperation({
    operationId: 'listPlanningDocuments',
    summary: 'List a region’s planning documents for a budget year',
    description: 'Dokumen perencanaan dan anggaran (RKPD, Renja, KUA-PPAS, RKA, APBD, DPA) dengan jumlah baris aktif.',
  })
  @ApiOkResponse({ type: [PlanningDocumentDto] })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: DocumentListQueryDto): Promise<PlanningDocumentDto[]> {
    const documents = await this.service.list(auth, query.regionCode, query.budgetYear);
    return documents.map((d) => toDocumentDto(d, { activeLines: d._count.lines }));
  }

  @Post('planning-documents')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'registerPlanningDocument',
    summary: 'Register a planning document',
    description: 'Bappeda: RKPD/Renja; TAPD: dokumen anggaran; admin: semua. Dokumen yang sudah ada dikembalikan apa adanya.',
  })
  @ApiOkResponse({ type: PlanningDocumentDto })
  async register(@CurrentAuth() auth: AuthContext, @Body() dto: RegisterDocumentDto): Promise<PlanningDocumentDto> {
    const { document } = await this.service.register(auth, dto);
    return toDocumentDto(document);
  }

  @Get('planning-documents/:id')
  @ApiOperation({ operationId: 'getPlanningDocument', summary: 'Get a planning document with its lines' })
  @ApiOkResponse({ type: PlanningDocumentDto })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PlanningDocumentDto> {
    const { document, plans } = await this.service.get(auth, id);
    return toDocumentDto(document, { lines: document.lines.map((l) => toLineDto(l, document.kind, plans.get(l.planId)?.title ?? null)) });
  }

  @Post('planning-documents/:id/state')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'changePlanningDocumentState',
    summary: 'Advance a planning document’s state',
    description: 'Dicatat dalam jejak audit; dokumen Final hanya menerima baris melalui perubahan.',
  })
  @ApiOkResponse({ type: PlanningDocumentDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Status tidak maju' })
  async changeState(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: ChangeDocumentStateDto): Promise<PlanningDocumentDto> {
    const { document, plans } = await this.service.changeState(auth, id, dto.state);
    return toDocumentDto(document, { lines: document.lines.map((l) => toLineDto(l, document.kind, plans.get(l.planId)?.title ?? null)) });
  }

  @Get('planning-documents/:id/export.xlsx')
  @ApiOperation({
    operationId: 'exportPlanningDocumentXlsx',
    summary: 'Export a planning document as an Excel workbook',
    description: 'Baris dokumen dengan kolom untuk entri SIPD.',
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ schema: BINARY })
  async xlsx(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<StreamableFile> {
    return download(await this.service.xlsx(auth, id));
  }

  @Get('plans/:id/document-lines')
  @ApiTags('plans')
  @ApiOperation({
    operationId: 'listPlanDocumentLines',
    summary: 'List a plan’s lines in the planning documents',
    description: 'Baris yang ditempatkan rencana dalam dokumen daerahnya, dengan tanda perubahan/berita acara.',
  })
  @ApiOkResponse({ type: [DocumentLineDto] })
  async planLines(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<DocumentLineDto[]> {
    const lines = await this.service.linesOfPlan(auth, id);
    return lines.map((l) => toLineDto(l, l.document.kind, null));
  }

  @Get('plans/:id/documents-summary.pdf')
  @ApiTags('plans')
  @ApiOperation({
    operationId: 'getPlanDocumentsSummary',
    summary: 'Download a plan’s documents summary as PDF',
    description: 'Yang disepakati, oleh siapa, kapan, dan baris yang ditempatkan.',
  })
  @ApiProduces(PDF_CONTENT_TYPE)
  @ApiOkResponse({ schema: BINARY })
  async planPdf(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<StreamableFile> {
    return download(await this.service.planPdf(auth, id));
  }
}
