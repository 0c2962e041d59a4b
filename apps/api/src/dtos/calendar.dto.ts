// Request and response shapes of the planning calendar: a region's milestones for a
// budget year, the overrides admins set, and the days off with their source.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { MILESTONES } from '../../../../domain/fiscal-calendar';
import { DAY_OFF_KINDS, DAY_OFF_STATUS_LABELS, type DayOff, type YearDaysOff } from '../../../../domain/day-off';
import type { CalendarOverrideRecord } from '../../../../persistence/calendar.repository';
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

export class DayOffDto {
  @ApiProperty({ example: '2026-06-03', description: 'Tanggal (YYYY-MM-DD)' })
  @IsDefined()
  @MaxLength(10)
  @IsString()
  date!: string;

  @ApiProperty({ enum: DAY_OFF_KINDS, description: 'LIBUR_NASIONAL atau CUTI_BERSAMA (nasional), LIBUR_DAERAH (wilayah)' })
  @IsDefined()
  @MaxLength(20)
  @IsString()
  kind!: string;

  @ApiProperty({ example: 'Cuti bersama Idul Fitri 1448 H (SKB perubahan)' })
  @IsDefined()
  @MaxLength(200)
  @IsString()
  description!: string;

  @ApiPropertyOptional({ example: '32.71', description: 'Hanya untuk hari libur daerah: wilayahnya. Kosong: hari libur nasional.' })
  @IsOptional()
  @MaxLength(13)
  @IsString()
  regionCode?: string;
}

export class DayOffDecreeInputDto {
  @ApiProperty({ example: 'SKB Menteri Agama, Menteri Ketenagakerjaan, MenPAN-RB No. … Tahun …', description: 'Nomor SKB sebagaimana tercantum' })
  @IsDefined()
  @MaxLength(300)
  @IsString()
  number!: string;

  @ApiProperty({ description: 'true: nomor dan tanggal telah diperiksa terhadap salinan resmi' })
  @IsDefined()
  @IsBoolean()
  verified!: boolean;

  @ApiPropertyOptional({ example: 'Diperiksa terhadap salinan resmi Kemenko PMK' })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  note?: string;
}

export class DaysOffYearQueryDto {
  @ApiProperty({ example: '2026', description: 'Tahun kalender' })
  @IsDefined()
  @MaxLength(4)
  @IsString()
  year!: string;

  @ApiPropertyOptional({ example: '32.71', description: 'Sertakan hari libur daerah wilayah ini' })
  @IsOptional()
  @MaxLength(13)
  @IsString()
  regionCode?: string;
}

export class DayOffQueryDto {
  @ApiPropertyOptional({ example: '32.71', description: 'Sertakan hari libur daerah wilayah ini' })
  @IsOptional()
  @MaxLength(13)
  @IsString()
  regionCode?: string;
}

export class TimeZoneDto {
  @ApiProperty({ enum: ['WIB', 'WITA', 'WIT'] }) abbreviation!: string;
  @ApiProperty({ example: 'Asia/Jakarta' }) iana!: string;
}

export class MilestoneBasisDto {
  @ApiProperty({ type: String, nullable: true, example: 'PP 12/2019 Pasal 90 ayat (1)', description: 'Peraturan dan pasal; null: bawaan praktik' })
  legalBasis!: string | null;
  @ApiProperty({ description: 'true: tenggat dari peraturan; false: bawaan praktik yang dapat diubah' }) verified!: boolean;
  @ApiProperty({ type: BilingualTextDto, description: 'Cara tanggal bawaan dihitung, termasuk aturan hari libur' }) rule!: BilingualTextDto;
}

export class MilestoneResponseDto {
  @ApiProperty({ enum: MILESTONES }) code!: string;
  @ApiProperty({ example: '2026-07-14' }) date!: string;
  @ApiProperty({
    enum: ['PP_12_2019', 'PRACTICE'],
    description: 'Dasar tanggal bawaan: PP 12/2019 atau praktik (bawaan yang dapat diubah); apakah pasalnya terverifikasi: basis.verified',
  })
  source!: string;
  @ApiProperty({ enum: ['DEFAULT', 'NATIONAL', 'REGIONAL'], description: 'Asal tanggal: aturan bawaan, penyesuaian nasional, atau wilayah' })
  origin!: string;
  @ApiProperty({ type: BilingualTextDto }) label!: BilingualTextDto;
  @ApiProperty({ example: '2026-07-10' }) defaultDate!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Tanggal hitungan aturan sebelum dimajukan dari hari libur ke hari kerja sebelumnya' })
  movedFrom!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: MilestoneBasisDto }) basis!: MilestoneBasisDto;
  @ApiProperty({ description: 'Hari kerja (Senin–Jumat, bukan hari libur nasional atau cuti bersama)' }) workingDay!: boolean;
}

export class DayOffDecreeDto {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ example: 'SKB Menteri Agama, Menteri Ketenagakerjaan, MenPAN-RB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025' })
  number!: string;
  @ApiProperty({ description: 'false: nomor atau tanggal belum diverifikasi terhadap salinan resmi' }) verified!: boolean;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class DayOffResponseDto {
  @ApiProperty({ example: '2026-03-23' }) date!: string;
  @ApiProperty({ enum: DAY_OFF_KINDS }) kind!: string;
  @ApiProperty() description!: string;
  @ApiProperty({
    enum: ['DECREE', 'LIBRARY', 'KEEPER', 'REGION'],
    description: 'SKB tahunnya, pustaka hari libur (sementara), pengelola kalender, atau wilayah',
  })
  source!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Nomor SKB asal hari ini' }) decree!: string | null;
  @ApiProperty() verified!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Wilayah hari libur daerah; null: nasional' }) regionCode!: string | null;
}

export class YearDaysOffResponseDto {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({
    enum: ['OFFICIAL', 'PROVISIONAL'],
    description: 'OFFICIAL: SKB tahun ini tercatat; PROVISIONAL: tanggal hitungan pustaka sampai SKB dimasukkan',
  })
  status!: string;
  @ApiProperty({ type: BilingualTextDto }) statusLabel!: BilingualTextDto;
  @ApiProperty({ type: DayOffDecreeDto, nullable: true }) decree!: DayOffDecreeDto | null;
  @ApiProperty({ type: [DayOffResponseDto] }) days!: DayOffResponseDto[];
  @ApiProperty({ type: [String], description: 'Tanggal pustaka yang dihapus pengelola kalender (tahun sementara)' }) removed!: string[];
}

export class CalendarYearStatusDto {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ enum: ['OFFICIAL', 'PROVISIONAL'] }) status!: string;
  @ApiProperty({ type: BilingualTextDto }) statusLabel!: BilingualTextDto;
  @ApiProperty({ type: DayOffDecreeDto, nullable: true }) decree!: DayOffDecreeDto | null;
}

export class RegionCalendarResponseDto {
  @ApiProperty({ example: '32.71' }) regionCode!: string;
  @ApiProperty({ example: 'Kota Bogor' }) regionName!: string;
  @ApiProperty({ enum: ['PROVINCE', 'REGENCY'] }) regionLevel!: string;
  @ApiProperty({ example: 2027 }) budgetYear!: number;
  @ApiProperty({ type: TimeZoneDto }) timeZone!: TimeZoneDto;
  @ApiProperty({ type: [MilestoneResponseDto] }) milestones!: MilestoneResponseDto[];
  @ApiProperty({ type: [CalendarYearStatusDto], description: 'Dasar hari libur tiap tahun kalender yang dicakup: resmi (SKB) atau sementara' })
  daysOffYears!: CalendarYearStatusDto[];
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

export function toDayOffResponse(day: DayOff): DayOffResponseDto {
  return {
    date: day.date,
    kind: day.kind,
    description: day.description,
    source: day.source,
    decree: day.decree,
    verified: day.verified,
    regionCode: day.regionCode,
  };
}

export function toYearStatus(year: YearDaysOff): CalendarYearStatusDto {
  return { year: year.year, status: year.status, statusLabel: { ...DAY_OFF_STATUS_LABELS[year.status] }, decree: year.decree && { ...year.decree } };
}

export function toYearDaysOffResponse(year: YearDaysOff): YearDaysOffResponseDto {
  return { ...toYearStatus(year), days: year.days.map(toDayOffResponse), removed: [...year.removed] };
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
      movedFrom: m.movedFrom,
      note: m.note,
      basis: { legalBasis: m.basis.legalBasis, verified: m.basis.verified, rule: { ...m.basis.rule } },
      workingDay: m.workingDay,
    })),
    daysOffYears: calendar.daysOffYears.map(toYearStatus),
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
