import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
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
import { AgreementObligationDto, FulfilObligationDto, RecordObligationDto, toObligationDto } from '../dtos/agreement-obligation.dto';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { AgreementObligationService } from '../services/agreement-obligation.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('agreements')
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or in a region the caller cannot see' })
@Controller('agreements/:id/obligations')
export class AgreementObligationsController {
  constructor(private readonly service: AgreementObligationService) {}

  @Get()
  @ApiOperation({ operationId: 'listAgreementObligations', summary: 'The obligations of the parties under the PKS, by due date' })
  @ApiOkResponse({ type: [AgreementObligationDto] })
  async list(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<AgreementObligationDto[]> {
    return (await this.service.list(auth, id)).map(toObligationDto);
  }

  @Post()
  @ApiOperation({
    operationId: 'recordAgreementObligation',
    summary: 'Record an obligation written in the PKS (secretariat, while in force)',
    description: 'Its reminders go out at 07:00 region time AGREEMENT_OBLIGATION_REMINDER_DAYS before the due date; an unfulfilled one is marked overdue.',
  })
  @ApiCreatedResponse({ type: AgreementObligationDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not in force, or the due date outside the term' })
  async record(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: RecordObligationDto): Promise<AgreementObligationDto> {
    return toObligationDto(await this.service.record(auth, id, dto));
  }

  @Post(':obligationId/fulfil')
  @ApiOperation({ operationId: 'fulfilAgreementObligation', summary: 'Record that an obligation was fulfilled (secretariat or the owning agency)' })
  @HttpCode(200)
  @ApiOkResponse({ type: AgreementObligationDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already fulfilled' })
  async fulfil(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('obligationId', uuid) obligationId: string,
    @Body() dto: FulfilObligationDto,
  ): Promise<AgreementObligationDto> {
    return toObligationDto(await this.service.fulfil(auth, id, obligationId, dto.note));
  }
}
