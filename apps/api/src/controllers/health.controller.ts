import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthReportDto } from '../dtos/health.dto';
import { Public } from '../middleware/public.decorator';
import { HealthService } from '../services/health.service';

@ApiTags('health')
@Public() // load balancers and orchestrators probe it without a token
@Controller('health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  @Get()
  @ApiOperation({
    operationId: 'checkHealth',
    summary: 'Check that the database and Temporal are reachable',
    description: 'For load balancers and orchestrators; needs no token.',
    security: [],
  })
  @ApiOkResponse({ type: HealthReportDto, description: 'Database and Temporal reachable' })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: 'A dependency is unreachable' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReportDto> {
    const report = await this.service.check();
    response.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
