// The planning and budget calendar of a region and budget year, and the overrides of its
// milestones: a region's admin sets the region's own, a province admin the national ones.
import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import {
  CalendarOverrideResponseDto,
  RegionCalendarResponseDto,
  SetMilestoneDto,
  toCalendarOverrideResponse,
  toRegionCalendarResponse,
} from '../dtos/calendar.dto';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { CalendarService } from '../services/calendar.service';

@ApiTags('calendar')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Tahun, tahapan, atau tanggal tidak valid' })
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('calendars')
export class CalendarsController {
  constructor(private readonly service: CalendarService) {}

  // The national routes come first: Express matches in order, and "national" would
  // otherwise be taken for a region code.
  @Put('national/:budgetYear/milestones/:milestone')
  @ApiOkResponse({ type: CalendarOverrideResponseDto, description: 'Admin provinsi: berlaku untuk semua wilayah tanpa penyesuaian sendiri' })
  async setNational(
    @CurrentAuth() auth: AuthContext,
    @Param('budgetYear') budgetYear: string,
    @Param('milestone') milestone: string,
    @Body() dto: SetMilestoneDto,
  ): Promise<CalendarOverrideResponseDto> {
    return toCalendarOverrideResponse(await this.service.setNational(auth, budgetYear, milestone, dto));
  }

  @Delete('national/:budgetYear/milestones/:milestone')
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeNational(
    @CurrentAuth() auth: AuthContext,
    @Param('budgetYear') budgetYear: string,
    @Param('milestone') milestone: string,
  ): Promise<void> {
    await this.service.removeNational(auth, budgetYear, milestone);
  }

  @Get(':regionCode/:budgetYear')
  @ApiOkResponse({ type: RegionCalendarResponseDto, description: 'Siapa pun yang berperan di wilayah itu' })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('regionCode') regionCode: string,
    @Param('budgetYear') budgetYear: string,
  ): Promise<RegionCalendarResponseDto> {
    return toRegionCalendarResponse(await this.service.get(auth, regionCode, budgetYear));
  }

  @Put(':regionCode/:budgetYear/milestones/:milestone')
  @ApiOkResponse({ type: CalendarOverrideResponseDto, description: 'Admin wilayah itu' })
  async setRegional(
    @CurrentAuth() auth: AuthContext,
    @Param('regionCode') regionCode: string,
    @Param('budgetYear') budgetYear: string,
    @Param('milestone') milestone: string,
    @Body() dto: SetMilestoneDto,
  ): Promise<CalendarOverrideResponseDto> {
    return toCalendarOverrideResponse(await this.service.setRegional(auth, regionCode, budgetYear, milestone, dto));
  }

  @Delete(':regionCode/:budgetYear/milestones/:milestone')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Kembali ke tanggal nasional atau bawaan' })
  async removeRegional(
    @CurrentAuth() auth: AuthContext,
    @Param('regionCode') regionCode: string,
    @Param('budgetYear') budgetYear: string,
    @Param('milestone') milestone: string,
  ): Promise<void> {
    await this.service.removeRegional(auth, regionCode, budgetYear, milestone);
  }
}
