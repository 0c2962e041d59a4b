import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListReviewTasksQueryDto, ReviewTaskResponseDto, toReviewTaskResponse } from '../dtos/review-task.dto';
import { ReviewTaskService } from '../services/review-task.service';

@ApiTags('review-tasks')
@Controller('review-tasks')
export class ReviewTasksController {
  constructor(private readonly service: ReviewTaskService) {}

  @Get()
  @ApiOkResponse({ type: [ReviewTaskResponseDto] })
  async listOpen(@Query() query: ListReviewTasksQueryDto): Promise<ReviewTaskResponseDto[]> {
    return (await this.service.listOpen(query)).map(toReviewTaskResponse);
  }
}
