import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import { ErrorResponseDto } from '../dtos/error.dto';
import { InboxQueryDto, InboxResponseDto, toReviewTaskResponse } from '../dtos/review-task.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { ReviewTaskService } from '../services/review-task.service';

@ApiTags('review-tasks')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@Controller('review-tasks')
export class ReviewTasksController {
  constructor(private readonly service: ReviewTaskService) {}

  @Get()
  @ApiOperation({
    operationId: 'listReviewTasks',
    summary: 'List your review inbox',
    description: 'Open review tasks you hold or may take up, with counts per stage.',
  })
  @ApiOkResponse({ type: InboxResponseDto })
  async inbox(@CurrentAuth() auth: AuthContext, @Query() query: InboxQueryDto): Promise<InboxResponseDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, ...counts } = await this.service.inbox(auth, {
      ...query,
      scope: query.scope ?? 'all',
      sort: query.sort ?? 'due',
      page,
      pageSize,
    });
    return { items: items.map(toReviewTaskResponse), ...counts, page, pageSize };
  }
}
