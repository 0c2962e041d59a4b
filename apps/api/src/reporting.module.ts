import { Module } from '@nestjs/common';
import { ReportingController } from './controllers/reporting.controller';
import { ReportProcessRepository } from './repositories/report-process.repository';
import { ReportingService } from './services/reporting.service';

/** Reporting upward (issue 18): mapping reports per region and budget year, and the view above them. */
@Module({
  controllers: [ReportingController],
  providers: [ReportingService, ReportProcessRepository],
})
export class ReportingModule {}
