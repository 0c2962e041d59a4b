// Every repository over one database connection: what the API and the worker's
// activities are built from. The only door to PostgreSQL besides prisma/'s tools.
import { createPrismaClient, type DatabaseOptions, type PrismaClient } from '../prisma/client';
import { AgreementRepository } from './agreement.repository';
import { AgreementDocumentRepository } from './agreement-document.repository';
import { AgreementObligationRepository } from './agreement-obligation.repository';
import { AttachmentRepository } from './attachment.repository';
import { AuditRepository } from './audit.repository';
import type { CalendarRules } from '../domain/fiscal-calendar';
import { CalendarRepository } from './calendar.repository';
import { EmailDeliveryRepository } from './email-delivery.repository';
import { GovernmentAffairRepository } from './government-affair.repository';
import { MappingRepository } from './mapping.repository';
import { MappingReportRepository } from './mapping-report.repository';
import { NotificationRepository } from './notification.repository';
import { PlanCommentRepository } from './plan-comment.repository';
import { PlanProjection } from './plan-projection';
import { PlanRepository } from './plan.repository';
import { PlanningDocumentRepository } from './planning-document.repository';
import { ReferenceFactsRepository } from './reference-facts.repository';
import { RegionRepository } from './region.repository';
import { ReviewTaskRepository } from './review-task.repository';
import { UserRepository } from './user.repository';

export type { DatabaseOptions } from '../prisma/client';

/** Settings the repositories apply: the calendar's readings of the regulation's open terms. */
export interface RepositoryOptions {
  calendarRules?: CalendarRules;
}

export function createRepositories(prisma: PrismaClient, options: RepositoryOptions = {}) {
  const plans = new PlanRepository(prisma);
  const reviewTasks = new ReviewTaskRepository(prisma);
  return {
    agreements: new AgreementRepository(prisma),
    agreementDocuments: new AgreementDocumentRepository(prisma),
    agreementObligations: new AgreementObligationRepository(prisma),
    attachments: new AttachmentRepository(prisma),
    audit: new AuditRepository(prisma),
    calendars: new CalendarRepository(prisma, options.calendarRules),
    emailDeliveries: new EmailDeliveryRepository(prisma),
    governmentAffairs: new GovernmentAffairRepository(prisma),
    mapping: new MappingRepository(prisma),
    mappingReports: new MappingReportRepository(prisma),
    notifications: new NotificationRepository(prisma),
    planComments: new PlanCommentRepository(prisma),
    plans,
    planProjection: new PlanProjection(plans, reviewTasks),
    planningDocuments: new PlanningDocumentRepository(prisma),
    referenceFacts: new ReferenceFactsRepository(prisma),
    regions: new RegionRepository(prisma),
    reviewTasks,
    users: new UserRepository(prisma),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

/** A connection pool and the repositories over it; `close()` ends the pool. */
export interface Database {
  repositories: Repositories;
  /** Answers when PostgreSQL does; throws otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function openDatabase(options: DatabaseOptions & RepositoryOptions): Database {
  return databaseOver(createPrismaClient(options), options);
}

/** The repositories over a client someone else owns (tests, the embedded launcher). */
export function databaseOver(prisma: PrismaClient, options: RepositoryOptions = {}): Database {
  return {
    repositories: createRepositories(prisma, options),
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: () => prisma.$disconnect(),
  };
}
