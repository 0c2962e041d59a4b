// The stages in order, the plan's current one marked; rejection shows where it ended.
import { useLabel } from '../api/hooks';
import { useI18n } from '../i18n/i18n';

const FULL_FLOW = [
  'DRAFT',
  'VERIFICATION',
  'BAPPEDA_REVIEW',
  'TKKSD_DELIBERATION',
  'HEAD_OF_REGION_APPROVAL',
  'DOCUMENT_SYNC',
  'BUDGET_SIGNOFF',
  'DPRD_APPROVAL',
  'RKA_CONFIRMATION',
  'COMPLETED',
];

/** The plan's stages in order: the DPRD's approval only where the plan requires it. */
export const flowOf = (requiresDprdApproval: boolean) => FULL_FLOW.filter((s) => requiresDprdApproval || s !== 'DPRD_APPROVAL');

export function StageProgress({ stage, rejectedAt, requiresDprdApproval }: { stage: string; rejectedAt?: string; requiresDprdApproval: boolean }) {
  const flow = flowOf(requiresDprdApproval || stage === 'DPRD_APPROVAL');
  const label = useLabel();
  const { t } = useI18n();
  const current = stage === 'REJECTED' ? (rejectedAt ?? 'DRAFT') : stage;
  const index = flow.indexOf(current);
  return (
    <ol className="progress" aria-label={t('planProgress')}>
      {flow.map((s, i) => {
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
