import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
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
import type { Response } from 'express';
import type { AuthContext } from '../../../../domain/auth-context';
import { TaskEventKind } from '../../../../domain/review-task';
import {
  AgreementPageResponseDto,
  AgreementResponseDto,
  ListAgreementsQueryDto,
  RequestEvaluationDto,
  ReviewReportDto,
  StepDecisionDto,
  SubmitReportDto,
  TerminateAgreementDto,
  toAgreementResponse,
  toAgreementSummary,
} from '../dtos/agreement.dto';
import { ErrorResponseDto } from '../dtos/error.dto';
import { PassTaskDto } from '../dtos/task-action.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { AgreementService } from '../services/agreement.service';
import { EmptyBodyPipe } from '../utils/empty-body.pipe';
import { XLSX_CONTENT_TYPE } from '../renderers/mapping-xlsx';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('agreements')
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or in a region the caller cannot see' })
@Controller()
export class AgreementsController {
  constructor(private readonly service: AgreementService) {}

  @Post('plans/:id/agreement')
  @ApiOperation({
    operationId: 'startAgreement',
    summary: 'Start the agreement (KB, PKS) of a COMPLETED plan',
    description: 'By the secretariat of the plan’s region. Idempotent: a second call answers the existing agreement with 200 (201 when it was created).',
  })
  @ApiOkResponse({ type: AgreementResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The plan is not COMPLETED' })
  async start(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body(EmptyBodyPipe) _body: Record<string, never>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgreementResponseDto> {
    const { agreement, created } = await this.service.startFromPlan(auth, id);
    res.status(created ? 201 : 200);
    return toAgreementResponse(agreement);
  }

  @Get('agreements')
  @ApiOperation({ operationId: 'listAgreements', summary: 'The register of cooperation agreements', description: 'Region-scoped, newest first, keyset paged.' })
  @ApiOkResponse({ type: AgreementPageResponseDto })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: ListAgreementsQueryDto): Promise<AgreementPageResponseDto> {
    const page = await this.service.list(auth, {
      regionCode: query.regionCode,
      planId: query.planId,
      status: query.status,
      pageSize: query.pageSize ?? 20,
      cursor: query.cursor,
    });
    return { ...page, items: page.items.map(toAgreementSummary) };
  }

  @Get('agreements/export.xlsx')
  @ApiOperation({
    operationId: 'exportAgreementRegister',
    summary: 'The register as an Excel workbook',
    description: 'The same filters as the list; every page.',
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'register-kerja-sama-<kode>.xlsx', schema: { type: 'string', format: 'binary' } })
  async exportXlsx(@CurrentAuth() auth: AuthContext, @Query() query: ListAgreementsQueryDto): Promise<StreamableFile> {
    const file = await this.service.registerXlsx(auth, { regionCode: query.regionCode, status: query.status });
    return new StreamableFile(file.content, { type: XLSX_CONTENT_TYPE, length: file.content.length, disposition: `attachment; filename="${file.fileName}"` });
  }

  @Get('agreements/:id')
  @ApiOperation({ operationId: 'getAgreement', summary: 'One agreement: its stage, legal basis, moves and open task' })
  @ApiOkResponse({ type: AgreementResponseDto })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<AgreementResponseDto> {
    const agreement = await this.service.get(auth, id);
    return { ...toAgreementResponse(agreement, await this.service.nextPlanOf(agreement)), planBudgetLines: await this.service.planBudgetLines(agreement) };
  }

  @Post('agreements/:id/steps')
  @ApiOperation({
    operationId: 'decideAgreementStep',
    summary: 'Complete, return or decline the agreement’s current step',
    description: 'By the holder of the step’s task. Signing the KB or PKS carries its number (unique per region), date and signatories.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: AgreementResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Refused by the process, or the number is taken (AGREEMENT_NUMBER_TAKEN)' })
  async decide(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() dto: StepDecisionDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<AgreementResponseDto> {
    const agreement = await this.service.decide(auth, id, dto, idempotencyKey);
    return toAgreementResponse(agreement, await this.service.nextPlanOf(agreement));
  }

  @Post('agreements/:id/task/claim')
  @ApiOperation({ operationId: 'claimAgreementTask', summary: 'Claim the agreement’s open task' })
  @HttpCode(200)
  @ApiOkResponse({ type: AgreementResponseDto })
  async claim(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body(EmptyBodyPipe) _body: Record<string, never>,
  ): Promise<AgreementResponseDto> {
    return toAgreementResponse(await this.service.actOnTask(auth, id, TaskEventKind.CLAIMED));
  }

  @Post('agreements/:id/task/release')
  @ApiOperation({ operationId: 'releaseAgreementTask', summary: 'Release the agreement’s open task' })
  @HttpCode(200)
  @ApiOkResponse({ type: AgreementResponseDto })
  async release(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body(EmptyBodyPipe) _body: Record<string, never>,
  ): Promise<AgreementResponseDto> {
    return toAgreementResponse(await this.service.actOnTask(auth, id, TaskEventKind.RELEASED));
  }

  @Post('agreements/:id/task/reassign')
  @ApiOperation({ operationId: 'reassignAgreementTask', summary: 'Reassign the agreement’s open task, with a reason' })
  @HttpCode(200)
  @ApiOkResponse({ type: AgreementResponseDto })
  async reassign(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: PassTaskDto): Promise<AgreementResponseDto> {
    return toAgreementResponse(await this.service.actOnTask(auth, id, TaskEventKind.REASSIGNED, dto));
  }

  @Post('agreements/:id/task/delegate')
  @ApiOperation({ operationId: 'delegateAgreementTask', summary: 'Delegate the agreement’s open task' })
  @HttpCode(200)
  @ApiOkResponse({ type: AgreementResponseDto })
  async delegate(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: PassTaskDto): Promise<AgreementResponseDto> {
    return toAgreementResponse(await this.service.actOnTask(auth, id, TaskEventKind.DELEGATED, dto));
  }

  @Post('agreements/:id/task/take-back')
  @ApiOperation({ operationId: 'takeBackAgreementTask', summary: 'Take back a delegated agreement task' })
  @HttpCode(200)
  @ApiOkResponse({ type: AgreementResponseDto })
  async takeBack(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body(EmptyBodyPipe) _body: Record<string, never>,
  ): Promise<AgreementResponseDto> {
    return toAgreementResponse(await this.service.actOnTask(auth, id, TaskEventKind.TAKEN_BACK));
  }

  @Post('agreements/:id/terminate')
  @ApiOperation({ operationId: 'terminateAgreement', summary: 'End an agreement in force before its end date, with a reason' })
  @HttpCode(200)
  @ApiOkResponse({ type: AgreementResponseDto })
  async terminate(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: TerminateAgreementDto): Promise<AgreementResponseDto> {
    return toAgreementResponse(await this.service.terminate(auth, id, dto.reason));
  }

  @Post('agreements/:id/evaluation-request')
  @ApiOperation({ operationId: 'requestAgreementEvaluation', summary: 'Open the evaluation before the end date' })
  @HttpCode(200)
  @ApiOkResponse({ type: AgreementResponseDto })
  async requestEvaluation(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: RequestEvaluationDto): Promise<AgreementResponseDto> {
    return toAgreementResponse(await this.service.requestEvaluation(auth, id, dto.comment));
  }

  @Post('agreements/:id/reports')
  @ApiOperation({
    operationId: 'submitAgreementReport',
    summary: 'File the period’s monitoring and evaluation (monev) report',
    description:
      'By an officer of the agency that owns the cooperation, while it is in force: progress, budget realisation per plan line, problems. Never changed once filed.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: AgreementResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not in force, a report awaits review, the period is reported, or an unknown budget line' })
  async submitReport(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: SubmitReportDto): Promise<AgreementResponseDto> {
    return toAgreementResponse(await this.service.submitReport(auth, id, dto));
  }

  @Post('agreements/:id/reports/:sequence/review')
  @ApiOperation({ operationId: 'reviewAgreementReport', summary: 'Accept a filed monev report, or return it with a comment (secretariat)' })
  @HttpCode(200)
  @ApiOkResponse({ type: AgreementResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The report is not awaiting review, or a return without a comment' })
  async reviewReport(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('sequence', ParseIntPipe) sequence: number,
    @Body() dto: ReviewReportDto,
  ): Promise<AgreementResponseDto> {
    return toAgreementResponse(await this.service.reviewReport(auth, id, sequence, dto.outcome, dto.comment));
  }
}
