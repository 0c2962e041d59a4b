import { Module } from '@nestjs/common';
import { AuditModule } from './audit.module';
import { PlanCommentsController } from './controllers/plan-comments.controller';
import { PlanRevisionsController } from './controllers/plan-revisions.controller';
import { PlanCommentService } from './services/plan-comment.service';
import { PlanRevisionService } from './services/plan-revision.service';

/** Working on a plan together: comments on it and its tasks, and what changed between its submitted revisions. */
@Module({
  imports: [AuditModule],
  controllers: [PlanCommentsController, PlanRevisionsController],
  providers: [PlanCommentService, PlanRevisionService],
})
export class CollaborationModule {}
