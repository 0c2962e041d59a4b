import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../../../domain/auth-context';
import { ReviewTaskRepository, type InboxQuery } from '../../../../persistence/review-task.repository';

@Injectable()
export class ReviewTaskService {
  constructor(private readonly tasks: ReviewTaskRepository) {}

  inbox(auth: AuthContext, query: InboxQuery) {
    return this.tasks.inbox(auth, query);
  }
}
