// The agreement workflow's writes to the read model: each move (with the inbox tasks it
// closes and opens) and each assignment change, in the order the workflow made them.
// Ordinary activities, idempotent in persistence/.
import { agreementStageDeadline, type AgreementStageDeadline } from '../domain/agreement-deadline';
import type { AgreementStage } from '../domain/agreement-stage';
import { addDays, localDateAtOffset } from '../domain/local-date';
import { regionTimeZone } from '../domain/region-time-zone';
import type { AgreementRepository, RecordAgreementReportInput, RecordAgreementTransitionInput } from '../persistence/agreement.repository';
import type { CalendarRepository } from '../persistence/calendar.repository';
import type { PlanRepository } from '../persistence/plan.repository';
import type { AgreementEscalationRecord, RecordAgreementTaskEventInput, ReviewTaskRepository } from '../persistence/review-task.repository';
import type { AgreementPolicy } from '../workflows/cooperation-agreement/definitions';

export interface AgreementStageDeadlineRequest {
  agreementId: string;
  stage: AgreementStage;
  openSequence: number;
  /** ISO instant the stage began. */
  enteredAt: string;
}

export interface AgreementProjectionDependencies {
  agreements: AgreementRepository;
  reviewTasks: ReviewTaskRepository;
  plans: PlanRepository;
  calendars: CalendarRepository;
  policy: AgreementPolicy;
  /** Working days per step (AGREEMENT_SERVICE_WORKING_DAYS). */
  serviceWorkingDays: Partial<Record<AgreementStage, number>>;
}

export function createAgreementProjection({ agreements, reviewTasks, plans, calendars, policy, serviceWorkingDays }: AgreementProjectionDependencies) {
  return {
    /** Read once by each agreement, so its timers stay the same through replays. */
    loadAgreementPolicy: async (): Promise<AgreementPolicy> => policy,
    /** CONTINUE or EXPAND: the next year's plan draft, pre-filled from this one and linked, for the next budget cycle. Idempotent. */
    async createNextYearPlan({ planId, evaluation }: { planId: string; evaluation: string }): Promise<string> {
      return (await plans.createContinuation(planId, `AGREEMENT_EVALUATION_${evaluation}`)).id;
    },
    recordAgreementTransition: (input: RecordAgreementTransitionInput): Promise<void> => agreements.recordTransition(input),
    recordAgreementTaskEvent: (input: RecordAgreementTaskEventInput): Promise<void> => reviewTasks.recordAgreementAssignment(input),
    recordAgreementReport: (input: RecordAgreementReportInput): Promise<void> => agreements.recordReport(input),
    /** The step's due date, in working days of the region from the day its stage began, written onto its task. Idempotent. */
    async agreementStageDeadline({ agreementId, stage, openSequence, enteredAt }: AgreementStageDeadlineRequest): Promise<AgreementStageDeadline> {
      const agreement = await agreements.findByIdOrThrow(agreementId);
      const utcOffsetMinutes = regionTimeZone(agreement.regionCode).utcOffsetMinutes;
      const entered = new Date(enteredAt);
      const firstDay = localDateAtOffset(entered, utcOffsetMinutes);
      const holidays = await calendars.holidays(firstDay, addDays(firstDay, 366), agreement.regionCode);
      const deadline = agreementStageDeadline({ stage, enteredAt: entered, holidays, serviceWorkingDays, utcOffsetMinutes });
      await reviewTasks.setAgreementDeadline(agreementId, openSequence, deadline);
      return deadline;
    },
    recordAgreementTaskEscalation: (record: AgreementEscalationRecord): Promise<void> => reviewTasks.recordAgreementEscalation(record),
  };
}
