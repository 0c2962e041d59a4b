// Days off: each year's, read by everyone with their source and whether the year is
// official (its decree entered) or provisional; national days changed by the calendar
// keeper, a region's own by its admins.
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import {
  DayOffDecreeDto,
  DayOffDecreeInputDto,
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

  @Put('decrees/:year')
  @ApiOperation({
    operationId: 'setDayOffDecree',
    summary: "Enter or correct a year's decree",
    description:
      'Pengelola kalender nasional. Tahun itu menjadi resmi: hanya hari libur yang tercatat yang berlaku (tanggal pustaka tidak lagi). Rencana yang berjalan dijadwal ulang.',
  })
  @ApiOkResponse({ type: DayOffDecreeDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  async setDecree(@CurrentAuth() auth: AuthContext, @Param('year') year: string, @Body() dto: DayOffDecreeInputDto): Promise<DayOffDecreeDto> {
    return { ...(await this.service.setDecree(auth, year, dto)) };
  }

  @Delete('decrees/:year')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'removeDayOffDecree',
    summary: "Take a year's decree away",
    description: 'Pengelola kalender nasional. Tahun itu kembali sementara.',
  })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async removeDecree(@CurrentAuth() auth: AuthContext, @Param('year') year: string): Promise<void> {
    await this.service.removeDecree(auth, year);
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
