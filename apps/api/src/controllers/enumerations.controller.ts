import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ATTACHMENT_PURPOSE_LABELS } from '../../../../domain/attachment-purpose';
import { INITIATOR_LABELS, KSDPK_KIND_LABELS, PARTNER_KIND_LABELS } from '../../../../domain/cooperation-type';
import { FUNDING_SOURCE_LABELS } from '../../../../domain/funding-source';
import type { BilingualText } from '../../../../domain/message';
import { PLANNING_EXCEPTION_LABELS } from '../../../../domain/planning-exception';
import { DPRD_APPROVAL_REASON_LABELS } from '../../../../domain/plan-rules';
import { PLAN_STAGE_LABELS } from '../../../../domain/plan-stage-label';
import { REJECTION_REASON_LABELS } from '../../../../domain/rejection-reason';
import { ErrorResponseDto } from '../dtos/error.dto';
import { EnumerationsResponseDto, type OptionDto } from '../dtos/reference.dto';

const options = (labels: Record<string, BilingualText>): OptionDto[] => Object.entries(labels).map(([code, label]) => ({ code, label }));

/** The fixed choices of the plan form and the review screens, with their labels, for pickers. */
@ApiTags('reference')
@ApiUnauthorizedResponse({ type: ErrorResponseDto }) // any logged-in user may read reference data
@Controller('reference/enumerations')
export class EnumerationsController {
  @Get()
  @ApiOperation({
    operationId: 'listEnumerations',
    summary: 'List the fixed choices and their labels',
    description: 'Pilihan tetap formulir rencana dan layar peninjauan beserta labelnya (id/en).',
  })
  @ApiOkResponse({ type: EnumerationsResponseDto })
  list(): EnumerationsResponseDto {
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
