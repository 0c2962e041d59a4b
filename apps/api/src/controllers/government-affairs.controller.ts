import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../dtos/error.dto';
import { GovernmentAffairResponseDto, SearchGovernmentAffairsQueryDto, toGovernmentAffairResponse } from '../dtos/reference.dto';
import { GovernmentAffairService } from '../services/government-affair.service';

@ApiTags('reference')
@ApiUnauthorizedResponse({ type: ErrorResponseDto }) // any logged-in user may read reference data
@ApiBadRequestResponse({ type: ErrorResponseDto })
@Controller('reference/government-affairs')
export class GovernmentAffairsController {
  constructor(private readonly service: GovernmentAffairService) {}

  @Get()
  @ApiOperation({
    operationId: 'searchGovernmentAffairs',
    summary: 'Search government affairs',
    description: 'Urusan pemerintahan (nomenklatur), urut kode.',
  })
  @ApiOkResponse({ type: [GovernmentAffairResponseDto], description: 'Urut kode' })
  async search(@Query() query: SearchGovernmentAffairsQueryDto): Promise<GovernmentAffairResponseDto[]> {
    return (await this.service.search(query)).map(toGovernmentAffairResponse);
  }
}
