import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ATTACHMENT_PURPOSE_LABELS } from '../../../../domain/attachment-purpose';
import { INITIATOR_LABELS, KSDPK_KIND_LABELS, PARTNER_KIND_LABELS } from '../../../../domain/cooperation-type';
import { FUNDING_SOURCE_LABELS } from '../../../../domain/funding-source';
import type { BilingualText } from '../../../../domain/message';
import { PLANNING_EXCEPTION_LABELS } from '../../../../domain/planning-exception';
import { DPRD_APPROVAL_REASON_LABELS } from '../../../../domain/plan-rules';
import { PLAN_STAGE_LABELS } from '../../../../domain/plan-stage-label';
import { REJECTION_REASON_LABELS } from '../../../../domain/rejection-reason';

type Options = Array<{ code: string; label: BilingualText }>;

const options = (labels: Record<string, BilingualText>): Options => Object.entries(labels).map(([code, label]) => ({ code, label }));

/** The fixed choices of the plan form and the review screens, with their labels, for pickers. */
@ApiTags('reference')
@ApiBearerAuth() // any logged-in user may read reference data
@Controller('reference/enumerations')
export class EnumerationsController {
  @Get()
  @ApiOkResponse({ description: 'Pilihan tetap beserta labelnya (id/en)' })
  list(): Record<string, Options> {
    return {
      planStages: options(PLAN_STAGE_LABELS),
      partnerKinds: options(PARTNER_KIND_LABELS),
      ksdpkKinds: options(KSDPK_KIND_LABELS),
      initiators: options(INITIATOR_LABELS),
      fundingSources: options(FUNDING_SOURCE_LABELS),
      planningExceptions: options(PLANNING_EXCEPTION_LABELS),
      rejectionReasons: options(REJECTION_REASON_LABELS),
      dprdApprovalReasons: options(DPRD_APPROVAL_REASON_LABELS),
      attachmentPurposes: options(ATTACHMENT_PURPOSE_LABELS),
    };
  }
}
