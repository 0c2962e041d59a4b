// The planning and budget calendar of a region and budget year, and the overrides of its
// milestones: a region's admin sets the region's own, the national calendar keeper (on the national scope "00") the national ones.
import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
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
  @ApiOperation({
    operationId: 'setNationalMilestone',
    summary: 'Set a national milestone date',
    description: 'Pengelola kalender nasional: berlaku untuk semua wilayah tanpa penyesuaian sendiri.',
  })
  @ApiOkResponse({
    type: CalendarOverrideResponseDto,
    description: 'Pengelola kalender nasional: berlaku untuk semua wilayah tanpa penyesuaian sendiri',
  })
  async setNational(
    @CurrentAuth() auth: AuthContext,
    @Param('budgetYear') budgetYear: string,
    @Param('milestone') milestone: string,
    @Body() dto: SetMilestoneDto,
  ): Promise<CalendarOverrideResponseDto> {
    return toCalendarOverrideResponse(await this.service.setNational(auth, budgetYear, milestone, dto));
  }

  @Delete('national/:budgetYear/milestones/:milestone')
  @ApiOperation({
    operationId: 'removeNationalMilestone',
    summary: 'Remove a national milestone date',
    description: 'Pengelola kalender nasional: tonggak kembali ke tanggal bawaan.',
  })
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeNational(@CurrentAuth() auth: AuthContext, @Param('budgetYear') budgetYear: string, @Param('milestone') milestone: string): Promise<void> {
    await this.service.removeNational(auth, budgetYear, milestone);
  }

  @Get(':regionCode/:budgetYear')
  @ApiOperation({
    operationId: 'getRegionCalendar',
    summary: 'Get a region’s calendar for a budget year',
    description: 'Tonggak perencanaan dan penganggaran dengan tanggal yang berlaku dan asalnya; siapa pun yang berperan di wilayah itu.',
  })
  @ApiOkResponse({ type: RegionCalendarResponseDto, description: 'Siapa pun yang berperan di wilayah itu' })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('regionCode') regionCode: string,
    @Param('budgetYear') budgetYear: string,
  ): Promise<RegionCalendarResponseDto> {
    return toRegionCalendarResponse(await this.service.get(auth, regionCode, budgetYear));
  }

  @Put(':regionCode/:budgetYear/milestones/:milestone')
  @ApiOperation({ operationId: 'setRegionalMilestone', summary: 'Set a region’s milestone date', description: 'Admin wilayah itu.' })
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
  @ApiOperation({
    operationId: 'removeRegionalMilestone',
    summary: 'Remove a region’s milestone date',
    description: 'Admin wilayah itu; tonggak kembali ke tanggal nasional atau bawaan.',
  })
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
