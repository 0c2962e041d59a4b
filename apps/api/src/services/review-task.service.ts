import { Injectable } from '@nestjs/common';
import { ReviewTaskRepository, type ReviewTaskFilter } from '../repositories/review-task.repository';

@Injectable()
export class ReviewTaskService {
  constructor(private readonly tasks: ReviewTaskRepository) {}

  listOpen(filter: ReviewTaskFilter) {
    return this.tasks.listOpen(filter);
  }
}
