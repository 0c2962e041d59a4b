// Request and response shapes of the planning calendar: a region's milestones for a
// budget year, the overrides admins set, and the collective leave days.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { MILESTONES } from '../../../../domain/fiscal-calendar';
import type { CalendarOverrideRecord, CollectiveLeaveDayRecord } from '../../../../persistence/calendar.repository';
import type { RegionCalendar } from '../services/calendar.service';
import { BilingualTextDto } from './error.dto';

// IsString sits below MaxLength on purpose: class-validator checks the lowest decorator
// first, so a number reads "must be text", not "too long". The date's calendar check
// (2026-02-30 is no date) is the service's, with a bilingual message.

export class SetMilestoneDto {
  @ApiProperty({ example: '2026-07-10', description: 'Tanggal (YYYY-MM-DD) di zona waktu wilayah' })
  @IsDefined()
  @MaxLength(10)
  @IsString()
  date!: string;

  @ApiPropertyOptional({ example: 'Mengikuti Permendagri pedoman penyusunan APBD 2027' })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  note?: string;
}

export class CollectiveLeaveDayDto {
  @ApiProperty({ example: '2026-03-23', description: 'Tanggal (YYYY-MM-DD)' })
  @IsDefined()
  @MaxLength(10)
  @IsString()
  date!: string;

  @ApiProperty({ example: 'Cuti bersama Idul Fitri 1447 H' })
  @IsDefined()
  @MaxLength(200)
  @IsString()
  description!: string;
}

export class CollectiveLeaveDayQueryDto {
  @ApiPropertyOptional({ example: '2026', description: 'Hanya tahun ini' })
  @IsOptional()
  @MaxLength(4)
  @IsString()
  year?: string;
}

export class TimeZoneDto {
  @ApiProperty({ enum: ['WIB', 'WITA', 'WIT'] }) abbreviation!: string;
  @ApiProperty({ example: 'Asia/Jakarta' }) iana!: string;
}

export class MilestoneResponseDto {
  @ApiProperty({ enum: MILESTONES }) code!: string;
  @ApiProperty({ example: '2026-07-14' }) date!: string;
  @ApiProperty({ enum: ['PP_12_2019', 'PRACTICE'], description: 'Dasar tanggal bawaan: PP 12/2019 (terverifikasi) atau praktik (bawaan yang dapat diubah)' })
  source!: string;
  @ApiProperty({ enum: ['DEFAULT', 'NATIONAL', 'REGIONAL'], description: 'Asal tanggal: aturan bawaan, penyesuaian nasional, atau wilayah' })
  origin!: string;
  @ApiProperty({ type: BilingualTextDto }) label!: BilingualTextDto;
  @ApiProperty({ example: '2026-07-14' }) defaultDate!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ description: 'Hari kerja (Senin–Jumat, bukan hari libur nasional atau cuti bersama)' }) workingDay!: boolean;
}

export class RegionCalendarResponseDto {
  @ApiProperty({ example: '32.71' }) regionCode!: string;
  @ApiProperty({ example: 'Kota Bogor' }) regionName!: string;
  @ApiProperty({ enum: ['PROVINCE', 'REGENCY'] }) regionLevel!: string;
  @ApiProperty({ example: 2027 }) budgetYear!: number;
  @ApiProperty({ type: TimeZoneDto }) timeZone!: TimeZoneDto;
  @ApiProperty({ type: [MilestoneResponseDto] }) milestones!: MilestoneResponseDto[];
}

export class CalendarOverrideResponseDto {
  @ApiProperty({ example: 2027 }) budgetYear!: number;
  @ApiProperty({ type: String, nullable: true, example: '32.71', description: 'null: penyesuaian nasional' }) regionCode!: string | null;
  @ApiProperty({ enum: MILESTONES }) milestone!: string;
  @ApiProperty({ example: '2026-07-10' }) date!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}

export class CollectiveLeaveDayResponseDto {
  @ApiProperty({ example: '2026-03-23' }) date!: string;
  @ApiProperty() description!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}

export function toRegionCalendarResponse(calendar: RegionCalendar): RegionCalendarResponseDto {
  return {
    regionCode: calendar.regionCode,
    regionName: calendar.regionName,
    regionLevel: calendar.regionLevel,
    budgetYear: calendar.budgetYear,
    timeZone: { abbreviation: calendar.timeZone.abbreviation, iana: calendar.timeZone.iana },
    milestones: calendar.milestones.map((m) => ({
      code: m.code,
      date: m.date,
      source: m.source,
      origin: m.origin,
      label: { ...m.label },
      defaultDate: m.defaultDate,
      note: m.note,
      workingDay: m.workingDay,
    })),
  };
}

export function toCalendarOverrideResponse(row: CalendarOverrideRecord): CalendarOverrideResponseDto {
  return {
    budgetYear: row.budgetYear,
    regionCode: row.regionCode || null,
    milestone: row.milestone,
    date: row.date,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toCollectiveLeaveDayResponse(day: CollectiveLeaveDayRecord): CollectiveLeaveDayResponseDto {
  return { date: day.date, description: day.description, createdBy: day.createdBy, createdAt: day.createdAt.toISOString() };
}
