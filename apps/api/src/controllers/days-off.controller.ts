// Days off: each year's, read by everyone with their source and whether the year is
// official (its decree entered) or provisional; national days changed by the calendar
// keeper, a region's own by its admins.
import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import {
  DayOffDto,
  DayOffQueryDto,
  DaysOffYearQueryDto,
  DayOffResponseDto,
  toDayOffResponse,
  toYearDaysOffResponse,
  YearDaysOffResponseDto,
} from '../dtos/calendar.dto';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { DayOffService } from '../services/day-off.service';

@ApiTags('calendar')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@Controller('calendars/days-off')
export class DaysOffController {
  constructor(private readonly service: DayOffService) {}

  @Get()
  @ApiOperation({
    operationId: 'listDaysOff',
    summary: "A year's days off with their source",
    description: 'Resmi bila SKB tahun itu tercatat; bila belum, tanggal hitungan pustaka hari libur (sementara, tanpa cuti bersama).',
  })
  @ApiOkResponse({ type: YearDaysOffResponseDto })
  async year(@Query() query: DaysOffYearQueryDto): Promise<YearDaysOffResponseDto> {
    return toYearDaysOffResponse(await this.service.year(query.year, query.regionCode));
  }

  @Post()
  @ApiOperation({
    operationId: 'addDayOff',
    summary: 'Add a day off',
    description:
      'Nasional (tanpa regionCode): pengelola kalender nasional. Hari libur daerah (regionCode): admin wilayah itu. Rencana yang berjalan dijadwal ulang.',
  })
  @ApiCreatedResponse({ type: DayOffResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Tanggal itu sudah tercatat' })
  async add(@CurrentAuth() auth: AuthContext, @Body() dto: DayOffDto): Promise<DayOffResponseDto> {
    return toDayOffResponse(await this.service.add(auth, dto));
  }

  @Delete(':date')
  @ApiOperation({
    operationId: 'removeDayOff',
    summary: 'Remove a day off',
    description:
      'Nasional: hari dari SKB, pustaka atau pengelola, tahun mana pun (pengelola kalender nasional). Dengan regionCode: hari libur daerah (admin wilayah).',
  })
  @ApiOkResponse({ type: DayOffResponseDto, description: 'Hari yang dihapus' })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@CurrentAuth() auth: AuthContext, @Param('date') date: string, @Query() query: DayOffQueryDto): Promise<DayOffResponseDto> {
    return toDayOffResponse(await this.service.remove(auth, date, query.regionCode));
  }
}
