import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import { TaskEventKind } from '../../../../domain/review-task';
import { ReviewDecisionDto } from '../dtos/decision.dto';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CreatePlanDto, ListPlansQueryDto, UpdatePlanDto } from '../dtos/plan.dto';
import {
  PersonDto,
  PlanCheckResponseDto,
  PlanPageResponseDto,
  PlanResponseDto,
  toPlanCheckResponse,
  toPlanResponse,
  toPlanSummary,
} from '../dtos/plan-response.dto';
import { CastVoteDto, PassTaskDto } from '../dtos/task-action.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { PlanService, type PlanView } from '../services/plan.service';
import { EmptyBodyPipe } from '../utils/empty-body.pipe';

const uuid = new ParseUUIDPipe({ version: '4' });
const respond = ({ plan, live }: PlanView) => toPlanResponse(plan, live);

@ApiTags('plans')
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or in a region or agency the caller cannot see' })
@Controller('plans')
export class PlansController {
  constructor(private readonly service: PlanService) {}

  @Post()
  @ApiOperation({ operationId: 'createPlan', summary: 'Create a draft plan', description: 'Officers, for their own agency in their region.' })
  @ApiCreatedResponse({ type: PlanResponseDto })
  async create(@CurrentAuth() auth: AuthContext, @Body() dto: CreatePlanDto): Promise<PlanResponseDto> {
    return respond(await this.service.create(auth, dto));
  }

  @Get()
  @ApiOperation({
    operationId: 'listPlans',
    summary: 'List the plans you may see',
    description: 'Whole regions for region-wide roles, their own agency’s plans for officers.',
  })
  @ApiOkResponse({ type: PlanPageResponseDto })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: ListPlansQueryDto): Promise<PlanPageResponseDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, ...paging } = await this.service.list(auth, { ...query, page, pageSize });
    return { items: items.map(toPlanSummary), ...paging, page, pageSize };
  }

  @Get(':id')
  @ApiOperation({
    operationId: 'getPlan',
    summary: 'Get a plan',
    description:
      'With its live stage, open review task, TKKSD deliberation and deadline as its workflow last recorded them in the read model (freshened by a short query when a worker answers), so it answers with no worker running.',
  })
  @ApiOkResponse({ type: PlanResponseDto })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PlanResponseDto> {
    return respond(await this.service.get(auth, id));
  }

  @Get(':id/check')
  @ApiOperation({
    operationId: 'checkPlan',
    summary: 'Check a plan against the rules',
    description: 'The rules the plan meets or breaks now: what would stop a submission, and warnings.',
  })
  @ApiOkResponse({ type: PlanCheckResponseDto, description: 'Aturan yang dipenuhi atau dilanggar rencana saat ini' })
  async check(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PlanCheckResponseDto> {
    return toPlanCheckResponse(await this.service.check(auth, id));
  }

  @Patch(':id')
  @ApiOperation({
    operationId: 'updatePlan',
    summary: 'Update a draft plan',
    description: 'Any subset of the fields; a list or a section given replaces the stored one whole.',
  })
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The plan is no longer a draft' })
  async update(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: UpdatePlanDto): Promise<PlanResponseDto> {
    return respond(await this.service.updateDraft(auth, id, dto));
  }

  @Post(':id/submit')
  @ApiOperation({
    operationId: 'submitPlan',
    summary: 'Submit a plan for review',
    description: 'Starts (or resumes) its workflow; a repeated submission of the same revision is answered from the first.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async submit(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PlanResponseDto> {
    return respond(await this.service.submit(auth, id));
  }

  @Post(':id/withdraw')
  @ApiOperation({
    operationId: 'withdrawPlan',
    summary: 'Withdraw a submitted plan',
    description: 'The submitter, until a reviewer claims the task; back to DRAFT as a new revision.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto, description: 'Back to DRAFT as a new revision' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A reviewer has already taken it up' })
  async withdraw(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PlanResponseDto> {
    return respond(await this.service.withdraw(auth, id));
  }

  @Post(':id/decisions')
  @ApiOperation({
    operationId: 'decidePlan',
    summary: 'Decide on a plan at its review stage',
    description: 'Approve, return for revision (with a comment) or reject (with a reason). Only the task’s assignee decides.',
  })
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Sends a retried decision once only' })
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The decision does not fit the plan’s stage or task' })
  async decide(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() dto: ReviewDecisionDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<PlanResponseDto> {
    return respond(await this.service.decide(auth, id, dto, idempotencyKey));
  }

  @Post(':id/task/claim')
  @ApiOperation({
    operationId: 'claimPlanTask',
    summary: 'Claim the plan’s review task',
    description: 'Of two simultaneous claims exactly one wins; the other gets 409.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The body carries a field: a claim takes none' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already claimed' })
  async claim(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body(EmptyBodyPipe) _body: Record<string, never>): Promise<PlanResponseDto> {
    return respond(await this.service.actOnTask(auth, id, TaskEventKind.CLAIMED));
  }

  @Get(':id/task/candidates')
  @ApiOperation({
    operationId: 'listPlanTaskCandidates',
    summary: 'Colleagues the open task may be passed to',
    description: 'Active holders of the stage’s role in the plan’s region, without the caller and the submitter: the choices for reassign and delegate.',
  })
  @ApiOkResponse({ type: [PersonDto] })
  async candidates(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PersonDto[]> {
    return this.service.taskCandidates(auth, id);
  }

  @Post(':id/task/release')
  @ApiOperation({ operationId: 'releasePlanTask', summary: 'Release the plan’s review task' })
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto })
  async release(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body(EmptyBodyPipe) _body: Record<string, never>): Promise<PlanResponseDto> {
    return respond(await this.service.actOnTask(auth, id, TaskEventKind.RELEASED));
  }

  @Post(':id/task/reassign')
  @ApiOperation({
    operationId: 'reassignPlanTask',
    summary: 'Reassign the plan’s review task',
    description: 'To another holder of the stage’s role, with a reason.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto })
  async reassign(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: PassTaskDto): Promise<PlanResponseDto> {
    return respond(await this.service.actOnTask(auth, id, TaskEventKind.REASSIGNED, dto));
  }

  @Post(':id/task/delegate')
  @ApiOperation({ operationId: 'delegatePlanTask', summary: 'Delegate the plan’s review task', description: 'The assignee may take it back.' })
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto })
  async delegate(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: PassTaskDto): Promise<PlanResponseDto> {
    return respond(await this.service.actOnTask(auth, id, TaskEventKind.DELEGATED, dto));
  }

  @Post(':id/task/take-back')
  @ApiOperation({ operationId: 'takeBackPlanTask', summary: 'Take back a delegated review task' })
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto })
  async takeBack(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body(EmptyBodyPipe) _body: Record<string, never>): Promise<PlanResponseDto> {
    return respond(await this.service.actOnTask(auth, id, TaskEventKind.TAKEN_BACK));
  }

  @Post(':id/votes')
  @ApiOperation({
    operationId: 'castPlanVote',
    summary: 'Cast a TKKSD vote on a plan',
    description: 'Each member of the coordination team votes once during the deliberation.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto, description: 'TKKSD member’s vote' })
  async vote(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: CastVoteDto): Promise<PlanResponseDto> {
    return respond(await this.service.vote(auth, id, dto.vote, dto.comment));
  }
}
