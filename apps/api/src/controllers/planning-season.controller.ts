// A region's planning season for a budget year: its admins start it (again: nothing
// changes), everyone with a role in the region reads how it stands.
import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthContext } from '../../../../domain/auth-context';
import { ErrorResponseDto } from '../dtos/error.dto';
import { SeasonStartResponseDto, SeasonStatusResponseDto, toSeasonStartResponse, toSeasonStatusResponse } from '../dtos/planning-season.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { PlanningSeasonService } from '../services/planning-season.service';

@ApiTags('calendar')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('calendars/:regionCode/:budgetYear/season')
export class PlanningSeasonController {
  constructor(private readonly service: PlanningSeasonService) {}

  @Post()
  @ApiOperation({
    operationId: 'startPlanningSeason',
    summary: 'Start a region’s planning season',
    description: 'Admin wilayah. Memulai lagi musim yang sudah berjalan atau selesai tidak mengubah apa pun.',
  })
  @HttpCode(200)
  @ApiCreatedResponse({ type: SeasonStartResponseDto, description: 'Admin wilayah: musim dimulai' })
  @ApiOkResponse({ type: SeasonStartResponseDto, description: 'Sudah berjalan atau sudah selesai: tidak ada yang berubah' })
  async start(
    @CurrentAuth() auth: AuthContext,
    @Param('regionCode') regionCode: string,
    @Param('budgetYear') budgetYear: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SeasonStartResponseDto> {
    const view = await this.service.start(auth, regionCode, budgetYear);
    if (view.started) response.status(201);
    return toSeasonStartResponse(view);
  }

  @Get()
  @ApiOperation({
    operationId: 'getPlanningSeason',
    summary: 'Get a planning season’s status',
    description: 'Siapa pun yang berperan di wilayah itu.',
  })
  @ApiOkResponse({ type: SeasonStatusResponseDto, description: 'Siapa pun yang berperan di wilayah itu' })
  async status(
    @CurrentAuth() auth: AuthContext,
    @Param('regionCode') regionCode: string,
    @Param('budgetYear') budgetYear: string,
  ): Promise<SeasonStatusResponseDto> {
    return toSeasonStatusResponse(await this.service.status(auth, regionCode, budgetYear));
  }
}
