import { Module } from '@nestjs/common';
import { AuditModule } from './audit.module';
import { CalendarsController } from './controllers/calendars.controller';
import { CollectiveLeaveDaysController } from './controllers/collective-leave-days.controller';
import { CalendarRepository } from './repositories/calendar.repository';
import { OpenPlanWorkflowRepository } from './repositories/open-plan-workflow.repository';
import { RegionRepository } from './repositories/region.repository';
import { CalendarService } from './services/calendar.service';
import { CollectiveLeaveDayService } from './services/collective-leave-day.service';
import { HolidayService } from './services/holiday.service';
import { PlanCalendarSignals } from './services/plan-calendar-signals';

/** The planning and budget calendar per budget year and region, and the collective leave days. */
@Module({
  imports: [AuditModule],
  // Collective leave days first: its fixed path must not be read as a region code.
  controllers: [CollectiveLeaveDaysController, CalendarsController],
  providers: [
    CalendarRepository,
    RegionRepository,
    HolidayService,
    CalendarService,
    CollectiveLeaveDayService,
    OpenPlanWorkflowRepository,
    PlanCalendarSignals,
  ],
})
export class CalendarModule {}
