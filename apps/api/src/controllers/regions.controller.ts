import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../dtos/error.dto';
import { RegionResponseDto, SearchRegionsQueryDto, toRegionResponse } from '../dtos/reference.dto';
import { REGION_SEARCH_LIMIT, RegionService } from '../services/region.service';

@ApiTags('reference')
@ApiUnauthorizedResponse({ type: ErrorResponseDto }) // any logged-in user may read reference data
@ApiBadRequestResponse({ type: ErrorResponseDto })
@Controller('reference/regions')
export class RegionsController {
  constructor(private readonly service: RegionService) {}

  @Get()
  @ApiOperation({ operationId: 'searchRegions', summary: 'Search regions' })
  @ApiOkResponse({ type: [RegionResponseDto], description: `Paling banyak ${REGION_SEARCH_LIMIT}, urut kode` })
  async search(@Query() query: SearchRegionsQueryDto): Promise<RegionResponseDto[]> {
    return (await this.service.search(query)).map(toRegionResponse);
  }

  @Get(':code')
  @ApiOperation({ operationId: 'getRegion', summary: 'Get a region' })
  @ApiOkResponse({ type: RegionResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Param('code') code: string): Promise<RegionResponseDto> {
    return toRegionResponse(await this.service.get(code));
  }

  @Get(':code/neighbours')
  @ApiOperation({ operationId: 'listRegionNeighbours', summary: 'List the regions bordering a region' })
  @ApiOkResponse({ type: [RegionResponseDto] })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async neighbours(@Param('code') code: string): Promise<RegionResponseDto[]> {
    return (await this.service.neighbours(code)).map(toRegionResponse);
  }
}
