// Collective leave days (cuti bersama): read by everyone, entered by a province admin.
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import { CollectiveLeaveDayDto, CollectiveLeaveDayQueryDto, CollectiveLeaveDayResponseDto, toCollectiveLeaveDayResponse } from '../dtos/calendar.dto';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { CollectiveLeaveDayService } from '../services/collective-leave-day.service';

@ApiTags('calendar')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@Controller('calendars/collective-leave-days')
export class CollectiveLeaveDaysController {
  constructor(private readonly service: CollectiveLeaveDayService) {}

  @Get()
  @ApiOperation({ operationId: 'listCollectiveLeaveDays', summary: 'List collective leave days' })
  @ApiOkResponse({ type: [CollectiveLeaveDayResponseDto] })
  async list(@Query() query: CollectiveLeaveDayQueryDto): Promise<CollectiveLeaveDayResponseDto[]> {
    return (await this.service.list(query.year)).map(toCollectiveLeaveDayResponse);
  }

  @Post()
  @ApiOperation({
    operationId: 'addCollectiveLeaveDay',
    summary: 'Add a collective leave day',
    description: 'Admin provinsi. Hari cuti bersama bukan hari kerja dalam tenggat.',
  })
  @ApiCreatedResponse({ type: CollectiveLeaveDayResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Bukan admin provinsi' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Tanggal itu sudah tercatat' })
  async add(@CurrentAuth() auth: AuthContext, @Body() dto: CollectiveLeaveDayDto): Promise<CollectiveLeaveDayResponseDto> {
    return toCollectiveLeaveDayResponse(await this.service.add(auth, dto));
  }

  @Delete(':date')
  @ApiOperation({ operationId: 'removeCollectiveLeaveDay', summary: 'Remove a collective leave day', description: 'Admin provinsi.' })
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Bukan admin provinsi' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@CurrentAuth() auth: AuthContext, @Param('date') date: string): Promise<void> {
    await this.service.remove(auth, date);
  }
}
