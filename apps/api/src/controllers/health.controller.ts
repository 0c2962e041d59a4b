import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../middleware/public.decorator';
import { HealthService, type HealthReport } from '../services/health.service';

@ApiTags('health')
@Public() // load balancers and orchestrators probe it without a token
@Controller('health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  @Get()
  @ApiOkResponse({ description: 'Database and Temporal reachable' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is unreachable' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.service.check();
    response.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
