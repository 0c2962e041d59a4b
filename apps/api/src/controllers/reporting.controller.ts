import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
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
import { REPORTING_DEADLINE_SOURCE, ReportAction } from '../../../../domain/mapping-report';
import { ErrorResponseDto } from '../dtos/error.dto';
import {
  BudgetYearQueryDto,
  DeadlineCheckDto,
  ReportParamsDto,
  ReportSnapshotDto,
  ReportStateDto,
  ReportStepDto,
  ReportViewDto,
  ReportingDeadlineDto,
  ReportingSummaryDto,
  ReviewInboxItemDto,
  RevisionParamsDto,
  SetReportingDeadlineDto,
} from '../dtos/reporting.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { PDF_CONTENT_TYPE } from '../renderers/mapping-pdf';
import { XLSX_CONTENT_TYPE } from '../renderers/mapping-xlsx';
import { renderSummaryPdf, renderSummaryXlsx, summaryFileName } from '../renderers/reporting-summary-export';
import { ReportingService } from '../services/reporting.service';

const BINARY = { type: 'string', format: 'binary' } as const;
const LINE =
  'Kabupaten/kota melapor kepada provinsi (gubernur), provinsi kepada Kemendagri (Ditjen Bina Administrasi Kewilayahan): ' +
  'sekretariat menyusun, kepala daerah menandatangani, sekretariat menyampaikan, penelaah tingkat di atasnya menerima atau mengembalikan.';

const file = (content: Buffer, type: string, fileName: string) =>
  new StreamableFile(content, { type, length: content.length, disposition: `attachment; filename="${fileName}"` });

@ApiTags('reporting')
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Tidak berperan di tingkat itu' })
@ApiBadRequestResponse({ type: ErrorResponseDto })
@Controller()
export class ReportingController {
  constructor(private readonly service: ReportingService) {}

  @Get('reporting/summary')
  @ApiOperation({ operationId: 'getReportingSummary', summary: 'Every region under the viewer with its mapping report status', description: LINE })
  @ApiOkResponse({ type: ReportingSummaryDto })
  summary(@CurrentAuth() auth: AuthContext, @Query() query: BudgetYearQueryDto): Promise<ReportingSummaryDto> {
    return this.service.summary(auth, query.budgetYear);
  }

  @Get('reporting/summary/export.xlsx')
  @ApiOperation({ operationId: 'exportReportingSummaryXlsx', summary: 'The reporting summary as an Excel workbook' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ schema: BINARY })
  async xlsx(@CurrentAuth() auth: AuthContext, @Query() query: BudgetYearQueryDto): Promise<StreamableFile> {
    const summary = await this.service.summary(auth, query.budgetYear);
    return file(await renderSummaryXlsx(summary), XLSX_CONTENT_TYPE, summaryFileName(query.budgetYear, 'xlsx'));
  }

  @Get('reporting/summary/export.pdf')
  @ApiOperation({ operationId: 'exportReportingSummaryPdf', summary: 'The reporting summary as a printable PDF' })
  @ApiProduces(PDF_CONTENT_TYPE)
  @ApiOkResponse({ schema: BINARY })
  async pdf(@CurrentAuth() auth: AuthContext, @Query() query: BudgetYearQueryDto): Promise<StreamableFile> {
    const summary = await this.service.summary(auth, query.budgetYear);
    return file(await renderSummaryPdf(summary), PDF_CONTENT_TYPE, summaryFileName(query.budgetYear, 'pdf'));
  }

  @Get('reporting/inbox')
  @ApiOperation({ operationId: 'listReportsToReview', summary: 'Mapping reports waiting on the caller’s review' })
  @ApiOkResponse({ type: [ReviewInboxItemDto] })
  async inbox(@CurrentAuth() auth: AuthContext): Promise<ReviewInboxItemDto[]> {
    return (await this.service.inbox(auth)).map((report) => ({
      regionCode: report.regionCode,
      budgetYear: report.budgetYear,
      provinceCode: report.provinceCode,
      revision: report.revision,
      dueDate: report.dueDate,
      submittedAt: report.submittedAt,
    }));
  }

  @Get('reporting/deadlines/:budgetYear')
  @ApiOperation({ operationId: 'getReportingDeadline', summary: 'The reporting deadline of a budget year', description: REPORTING_DEADLINE_SOURCE.en })
  @ApiOkResponse({ type: ReportingDeadlineDto })
  async deadline(@Param() params: BudgetYearQueryDto): Promise<ReportingDeadlineDto> {
    return { ...(await this.service.deadlines(params.budgetYear)), sourceId: REPORTING_DEADLINE_SOURCE.id, sourceEn: REPORTING_DEADLINE_SOURCE.en };
  }

  @Put('reporting/deadlines/:budgetYear')
  @ApiOperation({ operationId: 'setReportingDeadline', summary: 'Set a budget year’s reporting deadline (national calendar keeper)' })
  @ApiOkResponse({ type: ReportingDeadlineDto })
  async setDeadline(
    @CurrentAuth() auth: AuthContext,
    @Param() params: BudgetYearQueryDto,
    @Body() dto: SetReportingDeadlineDto,
  ): Promise<ReportingDeadlineDto> {
    await this.service.setDeadline(auth, params.budgetYear, dto.date, dto.note);
    return this.deadline(params);
  }

  @Post('reporting/deadlines/:budgetYear/check')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'startReportingDeadlineCheck',
    summary: 'Start the year’s deadline check: reminders to regions that have not reported, then their Sekda (keeper or ministry)',
  })
  @ApiOkResponse({ type: DeadlineCheckDto })
  startCheck(@CurrentAuth() auth: AuthContext, @Param() params: BudgetYearQueryDto): Promise<DeadlineCheckDto> {
    return this.service.startDeadlineCheck(auth, params.budgetYear);
  }

  @Get('reports/:regionCode/:budgetYear')
  @ApiOperation({ operationId: 'getMappingReport', summary: 'A region’s mapping report: status, steps, revisions (with their plan ids)', description: LINE })
  @ApiOkResponse({ type: ReportViewDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  report(@CurrentAuth() auth: AuthContext, @Param() params: ReportParamsDto): Promise<ReportViewDto> {
    return this.service.report(auth, params.regionCode, params.budgetYear);
  }

  @Get('reports/:regionCode/:budgetYear/revisions/:revision')
  @ApiOperation({ operationId: 'getMappingReportRevision', summary: 'One revision’s snapshot, exactly as compiled' })
  @ApiOkResponse({ type: ReportSnapshotDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  revision(@CurrentAuth() auth: AuthContext, @Param() params: RevisionParamsDto): Promise<ReportSnapshotDto> {
    return this.service.revision(auth, params.regionCode, params.budgetYear, params.revision) as Promise<ReportSnapshotDto>;
  }

  private step(action: ReportAction, auth: AuthContext, params: ReportParamsDto, dto: ReportStepDto, requestId?: string) {
    return this.service.act(auth, action, params.regionCode, params.budgetYear, dto.comment, requestId);
  }

  @Post('reports/:regionCode/:budgetYear/compile')
  @HttpCode(200)
  @ApiOperation({ operationId: 'compileMappingReport', summary: 'Compile a new revision from the plans as they stand (secretariat)' })
  @ApiOkResponse({ type: ReportStateDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  compile(@CurrentAuth() auth: AuthContext, @Param() params: ReportParamsDto, @Body() dto: ReportStepDto, @Headers('idempotency-key') key?: string) {
    return this.step(ReportAction.COMPILE, auth, params, dto, key);
  }

  @Post('reports/:regionCode/:budgetYear/sign-off')
  @HttpCode(200)
  @ApiOperation({ operationId: 'signOffMappingReport', summary: 'Sign the compiled report off (head of region)' })
  @ApiOkResponse({ type: ReportStateDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  signOff(@CurrentAuth() auth: AuthContext, @Param() params: ReportParamsDto, @Body() dto: ReportStepDto, @Headers('idempotency-key') key?: string) {
    return this.step(ReportAction.SIGN_OFF, auth, params, dto, key);
  }

  @Post('reports/:regionCode/:budgetYear/submit')
  @HttpCode(200)
  @ApiOperation({ operationId: 'submitMappingReport', summary: 'Submit the signed report upward (secretariat)' })
  @ApiOkResponse({ type: ReportStateDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  submit(@CurrentAuth() auth: AuthContext, @Param() params: ReportParamsDto, @Body() dto: ReportStepDto, @Headers('idempotency-key') key?: string) {
    return this.step(ReportAction.SUBMIT, auth, params, dto, key);
  }

  @Post('reports/:regionCode/:budgetYear/accept')
  @HttpCode(200)
  @ApiOperation({ operationId: 'acceptMappingReport', summary: 'Accept a submitted report (the reviewer of the tier above)' })
  @ApiOkResponse({ type: ReportStateDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  accept(@CurrentAuth() auth: AuthContext, @Param() params: ReportParamsDto, @Body() dto: ReportStepDto, @Headers('idempotency-key') key?: string) {
    return this.step(ReportAction.ACCEPT, auth, params, dto, key);
  }

  @Post('reports/:regionCode/:budgetYear/return')
  @HttpCode(200)
  @ApiOperation({ operationId: 'returnMappingReport', summary: 'Return a submitted report with a comment (the reviewer of the tier above)' })
  @ApiOkResponse({ type: ReportStateDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  giveBack(@CurrentAuth() auth: AuthContext, @Param() params: ReportParamsDto, @Body() dto: ReportStepDto, @Headers('idempotency-key') key?: string) {
    return this.step(ReportAction.RETURN, auth, params, dto, key);
  }
}
