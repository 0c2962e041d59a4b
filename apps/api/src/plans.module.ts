import { Module } from '@nestjs/common';
import { PlansController } from './controllers/plans.controller';
import { ReviewTasksController } from './controllers/review-tasks.controller';
import { PlanProcessRepository } from './repositories/plan-process.repository';
import { PlanRepository } from './repositories/plan.repository';
import { ReferenceFactsRepository } from './repositories/reference-facts.repository';
import { UserDirectoryRepository } from './repositories/user-directory.repository';
import { ReviewTaskRepository } from './repositories/review-task.repository';
import { PlanService } from './services/plan.service';
import { ReviewTaskService } from './services/review-task.service';

/** Plans, their process, and the review inbox. */
@Module({
  controllers: [PlansController, ReviewTasksController],
  providers: [PlanRepository, PlanProcessRepository, ReferenceFactsRepository, UserDirectoryRepository, ReviewTaskRepository, PlanService, ReviewTaskService],
  exports: [PlanRepository],
})
export class PlansModule {}
