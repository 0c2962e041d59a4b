import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { COOPERATION_TYPES } from '../../../../domain/cooperation-type';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CooperationTypeResponseDto, toCooperationTypeResponse } from '../dtos/reference.dto';

@ApiTags('reference')
@ApiUnauthorizedResponse({ type: ErrorResponseDto }) // any logged-in user may read reference data
@Controller('reference/cooperation-types')
export class CooperationTypesController {
  // A fixed list from the domain rules: no service or database behind it.
  @Get()
  @ApiOperation({
    operationId: 'listCooperationTypes',
    summary: 'List the cooperation types',
    description: 'Jenis kerja sama dengan mitra yang diizinkan dan persyaratannya.',
  })
  @ApiOkResponse({ type: [CooperationTypeResponseDto] })
  list(): CooperationTypeResponseDto[] {
    return COOPERATION_TYPES.map(toCooperationTypeResponse);
  }
}
