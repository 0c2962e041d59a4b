// Admin edits of which regions border each other (KSDD wajib needs a bordering partner).
// TODO(issue 4): restrict to the admin role once authentication exists.
import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../dtos/error.dto';
import { RegionBorderDto, RegionBorderResponseDto, toRegionBorderResponse } from '../dtos/reference.dto';
import { RegionService } from '../services/region.service';

@ApiTags('reference')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('reference/region-borders')
export class RegionBordersController {
  constructor(private readonly service: RegionService) {}

  @Post()
  @ApiCreatedResponse({ type: RegionBorderResponseDto, description: 'Juga bila perbatasan itu sudah tercatat (idempoten)' })
  async add(@Body() dto: RegionBorderDto): Promise<RegionBorderResponseDto> {
    return toRegionBorderResponse(await this.service.addBorder(dto.regionCode, dto.neighbourCode));
  }

  @Delete(':regionCode/:neighbourCode')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@Param('regionCode') regionCode: string, @Param('neighbourCode') neighbourCode: string): Promise<void> {
    await this.service.removeBorder(regionCode, neighbourCode);
  }
}
