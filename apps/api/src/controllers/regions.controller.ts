import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../dtos/error.dto';
import { RegionResponseDto, SearchRegionsQueryDto, toRegionResponse } from '../dtos/reference.dto';
import { REGION_SEARCH_LIMIT, RegionService } from '../services/region.service';

@ApiTags('reference')
@ApiBearerAuth() // any logged-in user may read reference data
@ApiBadRequestResponse({ type: ErrorResponseDto })
@Controller('reference/regions')
export class RegionsController {
  constructor(private readonly service: RegionService) {}

  @Get()
  @ApiOkResponse({ type: [RegionResponseDto], description: `Paling banyak ${REGION_SEARCH_LIMIT}, urut kode` })
  async search(@Query() query: SearchRegionsQueryDto): Promise<RegionResponseDto[]> {
    return (await this.service.search(query)).map(toRegionResponse);
  }

  @Get(':code')
  @ApiOkResponse({ type: RegionResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Param('code') code: string): Promise<RegionResponseDto> {
    return toRegionResponse(await this.service.get(code));
  }

  @Get(':code/neighbours')
  @ApiOkResponse({ type: [RegionResponseDto] })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async neighbours(@Param('code') code: string): Promise<RegionResponseDto[]> {
    return (await this.service.neighbours(code)).map(toRegionResponse);
  }
}
