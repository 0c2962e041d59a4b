import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import { TaskEventKind } from '../../../../domain/review-task';
import { ReviewDecisionDto } from '../dtos/decision.dto';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CreatePlanDto, ListPlansQueryDto, UpdatePlanDto } from '../dtos/plan.dto';
import {
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

const uuid = new ParseUUIDPipe({ version: '4' });
const respond = ({ plan, live }: PlanView) => toPlanResponse(plan, live);

@ApiTags('plans')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or in a region or agency the caller cannot see' })
@Controller('plans')
export class PlansController {
  constructor(private readonly service: PlanService) {}

  @Post()
  @ApiCreatedResponse({ type: PlanResponseDto })
  async create(@CurrentAuth() auth: AuthContext, @Body() dto: CreatePlanDto): Promise<PlanResponseDto> {
    return respond(await this.service.create(auth, dto));
  }

  @Get()
  @ApiOkResponse({ type: PlanPageResponseDto })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: ListPlansQueryDto): Promise<PlanPageResponseDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, total } = await this.service.list(auth, { ...query, page, pageSize });
    return { items: items.map(toPlanSummary), total, page, pageSize };
  }

  @Get(':id')
  @ApiOkResponse({ type: PlanResponseDto })
  async get(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PlanResponseDto> {
    return respond(await this.service.get(auth, id));
  }

  @Get(':id/check')
  @ApiOkResponse({ type: PlanCheckResponseDto, description: 'Aturan yang dipenuhi atau dilanggar rencana saat ini' })
  async check(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PlanCheckResponseDto> {
    return toPlanCheckResponse(await this.service.check(auth, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The plan is no longer a draft' })
  async update(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: UpdatePlanDto): Promise<PlanResponseDto> {
    return respond(await this.service.updateDraft(auth, id, dto));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async submit(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PlanResponseDto> {
    return respond(await this.service.submit(auth, id));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto, description: 'Back to DRAFT as a new revision' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A reviewer has already taken it up' })
  async withdraw(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PlanResponseDto> {
    return respond(await this.service.withdraw(auth, id));
  }

  @Post(':id/decisions')
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
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already claimed' })
  async claim(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PlanResponseDto> {
    return respond(await this.service.actOnTask(auth, id, TaskEventKind.CLAIMED));
  }

  @Post(':id/task/release')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto })
  async release(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PlanResponseDto> {
    return respond(await this.service.actOnTask(auth, id, TaskEventKind.RELEASED));
  }

  @Post(':id/task/reassign')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto })
  async reassign(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: PassTaskDto): Promise<PlanResponseDto> {
    return respond(await this.service.actOnTask(auth, id, TaskEventKind.REASSIGNED, dto));
  }

  @Post(':id/task/delegate')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto })
  async delegate(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: PassTaskDto): Promise<PlanResponseDto> {
    return respond(await this.service.actOnTask(auth, id, TaskEventKind.DELEGATED, dto));
  }

  @Post(':id/task/take-back')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto })
  async takeBack(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PlanResponseDto> {
    return respond(await this.service.actOnTask(auth, id, TaskEventKind.TAKEN_BACK));
  }

  @Post(':id/votes')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto, description: 'TKKSD member’s vote' })
  async vote(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: CastVoteDto): Promise<PlanResponseDto> {
    return respond(await this.service.vote(auth, id, dto.vote, dto.comment));
  }
}
