import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CreatePlanCommentDto, PlanCommentResponseDto, toPlanCommentResponse } from '../dtos/plan-comment.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { PlanCommentService } from '../services/plan-comment.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('comments')
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Empty or too long text, or a task of another plan' })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such plan, or one the caller may not see' })
@Controller('plans/:id/comments')
export class PlanCommentsController {
  constructor(private readonly service: PlanCommentService) {}

  @Get()
  @ApiOperation({ operationId: 'listPlanComments', summary: 'List a plan’s comments', description: 'Terlama lebih dulu.' })
  @ApiOkResponse({ type: [PlanCommentResponseDto], description: 'Oldest first' })
  async list(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PlanCommentResponseDto[]> {
    return (await this.service.list(auth, id)).map(toPlanCommentResponse);
  }

  @Post()
  @ApiOperation({ operationId: 'addPlanComment', summary: 'Comment on a plan' })
  @ApiCreatedResponse({ type: PlanCommentResponseDto })
  async add(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: CreatePlanCommentDto): Promise<PlanCommentResponseDto> {
    return toPlanCommentResponse(await this.service.add(auth, id, dto));
  }
}
