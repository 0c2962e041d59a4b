// When an agreement's step is due: its service period in working days from the day the
// stage began (Monday to Friday without the decreed days off, as a plan's review stages).
// No regulation fixes these periods except the DPRD's (45 working days, the abroad rule the
// domain brief takes for all cooperation): they are practice, shipped as defaults an admin
// changes with the AGREEMENT_SERVICE_WORKING_DAYS setting.
import { AGREEMENT_STAGE_INFO, AGREEMENT_STAGES, type AgreementStage } from './agreement-stage';
import { endOfLocalDay, localDateAtOffset, type LocalDate } from './local-date';
import { text, type BilingualText } from './message';
import { addWorkingDays, type HolidaySet } from './working-days';

/** The stages that hold a task in the inbox (and so have a due date). */
export const AGREEMENT_TASK_STAGES: readonly AgreementStage[] = AGREEMENT_STAGES.filter((stage) => AGREEMENT_STAGE_INFO[stage].role !== undefined);

export const DEFAULT_AGREEMENT_SERVICE_WORKING_DAYS: Partial<Record<AgreementStage, number>> = {
  PREPARATION: 10,
  // The partner's answer to the offer.
  OFFER: 30,
  KB_DRAFTING: 20,
  KB_SIGNING: 10,
  // The DPRD's window: 45 working days (the abroad rule, the brief's default for all).
  DPRD_APPROVAL: 45,
  PKS_DRAFTING: 20,
  PKS_LEGAL_REVIEW: 10,
  PKS_SIGNING: 10,
  EVALUATION: 20,
};

/** Where the due date comes from, shown beside it. */
export const AGREEMENT_DUE_SOURCE: BilingualText = text(
  'Praktik, bukan peraturan: bawaan yang dapat diubah (setelan AGREEMENT_SERVICE_WORKING_DAYS; DPRD 45 hari kerja); hari kerja menurut SKB tiga menteri',
  'Practice, not a regulation: a configurable default (the AGREEMENT_SERVICE_WORKING_DAYS setting; DPRD 45 working days); working days per the three ministers’ joint decree (SKB)',
);

export interface AgreementStageDeadline {
  stage: AgreementStage;
  /** ISO instant: the end of the due day in the region's zone. */
  dueAt: string;
  dueDate: LocalDate;
  basis: 'SERVICE_PERIOD';
  serviceWorkingDays: number;
  utcOffsetMinutes: number;
}

export function agreementStageDeadline(input: {
  stage: AgreementStage;
  enteredAt: Date;
  holidays: HolidaySet;
  serviceWorkingDays: Partial<Record<AgreementStage, number>>;
  utcOffsetMinutes: number;
}): AgreementStageDeadline {
  const days = input.serviceWorkingDays[input.stage] ?? DEFAULT_AGREEMENT_SERVICE_WORKING_DAYS[input.stage] ?? 10;
  const dueDate = addWorkingDays(localDateAtOffset(input.enteredAt, input.utcOffsetMinutes), days, input.holidays);
  return {
    stage: input.stage,
    dueAt: endOfLocalDay(dueDate, input.utcOffsetMinutes).toISOString(),
    dueDate,
    basis: 'SERVICE_PERIOD',
    serviceWorkingDays: days,
    utcOffsetMinutes: input.utcOffsetMinutes,
  };
}
