import { Module } from '@nestjs/common';
import { AuditModule } from './audit.module';
import { CalendarsController } from './controllers/calendars.controller';
import { DaysOffController } from './controllers/days-off.controller';
import { PlanningSeasonController } from './controllers/planning-season.controller';
import { OpenPlanWorkflowRepository } from './repositories/open-plan-workflow.repository';
import { SeasonProcessRepository } from './repositories/season-process.repository';
import { CalendarService } from './services/calendar.service';
import { DayOffService } from './services/day-off.service';
import { HolidayService } from './services/holiday.service';
import { PlanCalendarSignals } from './services/plan-calendar-signals';
import { PlanningSeasonService } from './services/planning-season.service';
import { TimelineNotifier } from './services/timeline-notifier';

/** The planning and budget calendar per budget year and region, the days off, and the planning season that follows them. */
@Module({
  imports: [AuditModule],
  // Days off first: its fixed path must not be read as a region code.
  controllers: [DaysOffController, CalendarsController, PlanningSeasonController],
  providers: [
    SeasonProcessRepository,
    OpenPlanWorkflowRepository,
    HolidayService,
    PlanCalendarSignals,
    TimelineNotifier,
    CalendarService,
    DayOffService,
    PlanningSeasonService,
  ],
  exports: [TimelineNotifier],
})
export class CalendarModule {}
