import { text, type BilingualText } from './message';

export const FundingSource = {
  APBD_BUDGETED: 'APBD_BUDGETED',
  APBD_NOT_YET_BUDGETED: 'APBD_NOT_YET_BUDGETED',
  APBN: 'APBN',
  PARTNER: 'PARTNER',
  OTHER: 'OTHER',
} as const;
export type FundingSource = (typeof FundingSource)[keyof typeof FundingSource];
export const FUNDING_SOURCES: readonly FundingSource[] = Object.values(FundingSource);

export const FUNDING_SOURCE_LABELS: Record<FundingSource, BilingualText> = {
  APBD_BUDGETED: text('APBD (sudah dianggarkan)', 'Regional budget, already budgeted'),
  APBD_NOT_YET_BUDGETED: text('APBD (belum dianggarkan)', 'Regional budget, not yet budgeted'),
  APBN: text('APBN', 'State budget (APBN)'),
  PARTNER: text('Mitra', 'The partner'),
  OTHER: text('Sumber lain yang sah', 'Other lawful source'),
};
