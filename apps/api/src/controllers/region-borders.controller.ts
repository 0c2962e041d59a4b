// Admin edits of which regions border each other (KSDD wajib needs a bordering partner):
// an administrator of either region may record or remove a border.
import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import { ErrorResponseDto } from '../dtos/error.dto';
import { RegionBorderDto, RegionBorderResponseDto, toRegionBorderResponse } from '../dtos/reference.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { RegionService } from '../services/region.service';

@ApiTags('reference')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Bukan admin salah satu dari kedua wilayah' })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('reference/region-borders')
export class RegionBordersController {
  constructor(private readonly service: RegionService) {}

  @Post()
  @ApiOperation({
    operationId: 'addRegionBorder',
    summary: 'Record that two regions border each other',
    description: 'Admin salah satu dari kedua wilayah; idempoten.',
  })
  @ApiCreatedResponse({ type: RegionBorderResponseDto, description: 'Juga bila perbatasan itu sudah tercatat (idempoten)' })
  async add(@CurrentAuth() auth: AuthContext, @Body() dto: RegionBorderDto): Promise<RegionBorderResponseDto> {
    return toRegionBorderResponse(await this.service.addBorder(auth, dto.regionCode, dto.neighbourCode));
  }

  @Delete(':regionCode/:neighbourCode')
  @ApiOperation({ operationId: 'removeRegionBorder', summary: 'Remove a region border', description: 'Admin salah satu dari kedua wilayah.' })
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentAuth() auth: AuthContext, @Param('regionCode') regionCode: string, @Param('neighbourCode') neighbourCode: string): Promise<void> {
    await this.service.removeBorder(auth, regionCode, neighbourCode);
  }
}
