// The stages in order, the plan's current one marked; rejection shows where it ended.
import { useLabel } from '../api/hooks';
import { useI18n } from '../i18n/i18n';

export const FLOW = ['DRAFT', 'VERIFICATION', 'BAPPEDA_REVIEW', 'TKKSD_DELIBERATION', 'HEAD_OF_REGION_APPROVAL', 'DOCUMENT_SYNC', 'BUDGET_SIGNOFF', 'COMPLETED'];

export function StageProgress({ stage, rejectedAt }: { stage: string; rejectedAt?: string }) {
  const label = useLabel();
  const { t } = useI18n();
  const current = stage === 'REJECTED' ? (rejectedAt ?? 'DRAFT') : stage;
  const index = FLOW.indexOf(current);
  return (
    <ol className="progress" aria-label={t('planProgress')}>
      {FLOW.map((s, i) => {
        const state = i < index || stage === 'COMPLETED' ? 'done' : i === index ? (stage === 'REJECTED' ? 'rejected' : 'current') : 'todo';
        return (
          <li key={s} className={state} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="dot" aria-hidden="true">
              {state === 'done' ? '✓' : state === 'rejected' ? '✕' : i + 1}
            </span>
            <span className="step-label">{label('planStages', s)}</span>
          </li>
        );
      })}
    </ol>
  );
}
