import { Module } from '@nestjs/common';
import { PlansController } from './controllers/plans.controller';
import { ReviewTasksController } from './controllers/review-tasks.controller';
import { PlanProcessRepository } from './repositories/plan-process.repository';
import { PlanService } from './services/plan.service';
import { ReviewTaskService } from './services/review-task.service';

/** Plans, their process, and the review inbox. */
@Module({
  controllers: [PlansController, ReviewTasksController],
  providers: [PlanProcessRepository, PlanService, ReviewTaskService],
})
export class PlansModule {}
