import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { COOPERATION_TYPES } from '../../../../domain/cooperation-type';
import { CooperationTypeResponseDto, toCooperationTypeResponse } from '../dtos/reference.dto';

@ApiTags('reference')
@Controller('reference/cooperation-types')
export class CooperationTypesController {
  // A fixed list from the domain rules: no service or database behind it.
  @Get()
  @ApiOkResponse({ type: [CooperationTypeResponseDto] })
  list(): CooperationTypeResponseDto[] {
    return COOPERATION_TYPES.map(toCooperationTypeResponse);
  }
}
