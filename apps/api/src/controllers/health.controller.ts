// Liveness and readiness as orchestrators expect them, public and without details; the
// details (probe times, error text, which may name hosts and ports) only for an admin.
import { Controller, Get, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { administeredRegions } from '../../../../domain/access-policy';
import type { AuthContext } from '../../../../domain/auth-context';
import { Forbidden } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import { ErrorResponseDto } from '../dtos/error.dto';
import { HealthDetailsDto, HealthReportDto, LivenessDto } from '../dtos/health.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { Public } from '../middleware/public.decorator';
import { HealthService, type HealthReport } from '../services/health.service';

function publicReport(report: HealthReport): HealthReportDto {
  return { status: report.status, database: { up: report.database.up }, temporal: { up: report.temporal.up } };
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  @Get()
  @Public() // load balancers and orchestrators probe it without a token
  @ApiOperation({
    operationId: 'checkHealth',
    summary: 'Check that the database and Temporal are reachable (as /health/ready)',
    description: 'For load balancers and orchestrators; needs no token.',
    security: [],
  })
  @ApiOkResponse({ type: HealthReportDto, description: 'Database and Temporal reachable' })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: 'A dependency is unreachable' })
  check(@Res({ passthrough: true }) response: Response): Promise<HealthReportDto> {
    return this.ready(response);
  }

  @Get('live')
  @Public()
  @ApiOperation({
    operationId: 'checkLiveness',
    summary: 'Liveness: the process answers',
    description: 'Checks no dependency, so an outage of the database or Temporal never gets the process restarted; needs no token.',
    security: [],
  })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    operationId: 'checkReadiness',
    summary: 'Readiness: the database and Temporal are reachable',
    description: 'Send traffic only while this answers 200; needs no token.',
    security: [],
  })
  @ApiOkResponse({ type: HealthReportDto, description: 'Database and Temporal reachable' })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: 'A dependency is unreachable' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthReportDto> {
    const report = await this.service.check();
    response.status(report.status === 'ok' ? 200 : 503);
    return publicReport(report);
  }

  @Get('details')
  @ApiOperation({ operationId: 'checkHealthDetails', summary: 'Readiness with probe times and error text, for administrators' })
  @ApiOkResponse({ type: HealthDetailsDto, description: 'Database and Temporal reachable' })
  @ApiServiceUnavailableResponse({ type: HealthDetailsDto, description: 'A dependency is unreachable' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Bukan admin' })
  async details(@CurrentAuth() auth: AuthContext, @Res({ passthrough: true }) response: Response): Promise<HealthDetailsDto> {
    if (administeredRegions(auth).length === 0) {
      throw new Forbidden(text('Hanya administrator yang dapat melihat rincian kesehatan sistem.', 'Only administrators may see the health details.'));
    }
    const report = await this.service.check();
    response.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
