import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReviewDecisionDto } from '../dtos/decision.dto';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CreatePlanDto, ListPlansQueryDto, SubmitPlanDto, UpdatePlanDto } from '../dtos/plan.dto';
import {
  PlanCheckResponseDto,
  PlanPageResponseDto,
  PlanResponseDto,
  toPlanCheckResponse,
  toPlanResponse,
  toPlanSummary,
} from '../dtos/plan-response.dto';
import { PlanService } from '../services/plan.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('plans')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@Controller('plans')
export class PlansController {
  constructor(private readonly service: PlanService) {}

  @Post()
  @ApiCreatedResponse({ type: PlanResponseDto })
  async create(@Body() dto: CreatePlanDto): Promise<PlanResponseDto> {
    const { plan, live } = await this.service.create(dto);
    return toPlanResponse(plan, live);
  }

  @Get()
  @ApiOkResponse({ type: PlanPageResponseDto })
  async list(@Query() query: ListPlansQueryDto): Promise<PlanPageResponseDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, total } = await this.service.list({ ...query, page, pageSize });
    return { items: items.map(toPlanSummary), total, page, pageSize };
  }

  @Get(':id')
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Param('id', uuid) id: string): Promise<PlanResponseDto> {
    const { plan, live } = await this.service.get(id);
    return toPlanResponse(plan, live);
  }

  @Get(':id/check')
  @ApiOkResponse({ type: PlanCheckResponseDto, description: 'Aturan yang dipenuhi atau dilanggar rencana saat ini' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async check(@Param('id', uuid) id: string): Promise<PlanCheckResponseDto> {
    return toPlanCheckResponse(await this.service.check(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The plan is no longer a draft' })
  async update(@Param('id', uuid) id: string, @Body() dto: UpdatePlanDto): Promise<PlanResponseDto> {
    const { plan, live } = await this.service.updateDraft(id, dto);
    return toPlanResponse(plan, live);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async submit(@Param('id', uuid) id: string, @Body() dto: SubmitPlanDto): Promise<PlanResponseDto> {
    const { plan, live } = await this.service.submit(id, dto.submittedBy);
    return toPlanResponse(plan, live);
  }

  @Post(':id/decisions')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Sends a retried decision once only' })
  @ApiOkResponse({ type: PlanResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The decision does not fit the plan’s stage' })
  async decide(
    @Param('id', uuid) id: string,
    @Body() dto: ReviewDecisionDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<PlanResponseDto> {
    const { plan, live } = await this.service.decide(id, dto, idempotencyKey);
    return toPlanResponse(plan, live);
  }
}
