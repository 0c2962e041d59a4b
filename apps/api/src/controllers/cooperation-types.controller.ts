import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { COOPERATION_TYPES } from '../../../../domain/cooperation-type';
import { CooperationTypeResponseDto, toCooperationTypeResponse } from '../dtos/reference.dto';

@ApiTags('reference')
@ApiBearerAuth() // any logged-in user may read reference data
@Controller('reference/cooperation-types')
export class CooperationTypesController {
  // A fixed list from the domain rules: no service or database behind it.
  @Get()
  @ApiOkResponse({ type: [CooperationTypeResponseDto] })
  list(): CooperationTypeResponseDto[] {
    return COOPERATION_TYPES.map(toCooperationTypeResponse);
  }
}
