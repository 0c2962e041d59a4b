import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../dtos/error.dto';
import { GovernmentAffairResponseDto, SearchGovernmentAffairsQueryDto, toGovernmentAffairResponse } from '../dtos/reference.dto';
import { GovernmentAffairService } from '../services/government-affair.service';

@ApiTags('reference')
@ApiBearerAuth() // any logged-in user may read reference data
@ApiBadRequestResponse({ type: ErrorResponseDto })
@Controller('reference/government-affairs')
export class GovernmentAffairsController {
  constructor(private readonly service: GovernmentAffairService) {}

  @Get()
  @ApiOkResponse({ type: [GovernmentAffairResponseDto], description: 'Urut kode' })
  async search(@Query() query: SearchGovernmentAffairsQueryDto): Promise<GovernmentAffairResponseDto[]> {
    return (await this.service.search(query)).map(toGovernmentAffairResponse);
  }
}
