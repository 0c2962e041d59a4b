// Why a reviewer rejects a proposal. The first three are the cooperation secretariat's
// eligibility screens seen in practice: such proposals are not regional cooperation.
import { text, type BilingualText } from './message';

export const RejectionReason = {
  INTERNAL_ARRANGEMENT: 'INTERNAL_ARRANGEMENT',
  PLAIN_PROCUREMENT: 'PLAIN_PROCUREMENT',
  SELF_MANAGED_WORK: 'SELF_MANAGED_WORK',
  NOT_ELIGIBLE_OTHER: 'NOT_ELIGIBLE_OTHER',
} as const;
export type RejectionReason = (typeof RejectionReason)[keyof typeof RejectionReason];
export const REJECTION_REASONS: readonly RejectionReason[] = Object.values(RejectionReason);

export const REJECTION_REASON_LABELS: Record<RejectionReason, BilingualText> = {
  INTERNAL_ARRANGEMENT: text(
    'Pengaturan internal antarperangkat daerah dalam satu pemerintah daerah',
    'An internal arrangement between agencies of the same regional government',
  ),
  PLAIN_PROCUREMENT: text('Pengadaan barang/jasa biasa', 'Plain procurement of goods or services'),
  SELF_MANAGED_WORK: text('Swakelola (mis. dengan perguruan tinggi)', 'Self-managed work (e.g. with a university)'),
  NOT_ELIGIBLE_OTHER: text('Tidak memenuhi syarat karena alasan lain', 'Not eligible for another reason'),
};
