import { useLabel } from '../api/hooks';

export function StageBadge({ stage }: { stage: string }) {
  const label = useLabel();
  return <span className={`badge stage-${stage.toLowerCase()}`}>{label('planStages', stage)}</span>;
}
