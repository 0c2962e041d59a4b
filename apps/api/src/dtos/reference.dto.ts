// Request and response shapes of the reference data that pickers read: regions and
// their borders, government affairs, cooperation types.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { COOPERATION_TYPE_CODES, PARTNER_KINDS, type CooperationTypeInfo } from '../../../../domain/cooperation-type';
import { CURRENT_NOMENCLATURE_VERSION } from '../../../../domain/nomenclature';
import { AffairGroup, RegionLevel } from '../../../../domain/affair';
import type { AffairRecord } from '../../../../persistence/government-affair.repository';
import type { BorderRecord, RegionRecord } from '../../../../persistence/region.repository';
import { BilingualTextDto } from './error.dto';

// IsString sits below MaxLength and Matches on purpose: class-validator checks the lowest
// decorator first, so a number or a repeated query parameter reads "must be text", not "too long".

const REGION_LEVELS = Object.values(RegionLevel);
const AFFAIR_GROUPS = Object.values(AffairGroup);

export class SearchRegionsQueryDto {
  @ApiPropertyOptional({ example: 'bogor', description: 'Awalan kode (mis. 32.7) atau bagian nama, tanpa membedakan huruf besar-kecil' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  q?: string;

  @ApiPropertyOptional({ enum: REGION_LEVELS })
  @IsOptional()
  @IsIn(REGION_LEVELS)
  level?: RegionLevel;

  @ApiPropertyOptional({ example: '32', description: 'Kode provinsi' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'Must be a two-digit province code, e.g. 32.' })
  @IsString()
  provinceCode?: string;
}

export class RegionBorderDto {
  @ApiProperty({ example: '32.71', description: 'Kode wilayah Kemendagri' })
  @IsDefined()
  @MaxLength(16)
  @IsString()
  regionCode!: string;

  @ApiProperty({ example: '32.01', description: 'Kode wilayah yang berbatasan' })
  @IsDefined()
  @MaxLength(16)
  @IsString()
  neighbourCode!: string;
}

export class SearchGovernmentAffairsQueryDto {
  @ApiPropertyOptional({ example: '1.0', description: 'Awalan kode (mis. 2.1) atau bagian nama' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  q?: string;

  @ApiPropertyOptional({ enum: AFFAIR_GROUPS })
  @IsOptional()
  @IsIn(AFFAIR_GROUPS)
  group?: AffairGroup;

  @ApiPropertyOptional({ example: CURRENT_NOMENCLATURE_VERSION, description: 'Versi nomenklatur (bawaan: yang berlaku)' })
  @IsOptional()
  @MaxLength(20)
  @IsString()
  version?: string;
}

export class RegionResponseDto {
  @ApiProperty({ example: '32.71' }) code!: string;
  @ApiProperty({ example: 'Kota Bogor' }) name!: string;
  @ApiProperty({ enum: REGION_LEVELS }) level!: string;
  @ApiProperty({ example: '32' }) provinceCode!: string;
}

export class RegionBorderResponseDto {
  @ApiProperty({ example: '32.01', description: 'Kode yang lebih kecil dari pasangan' }) regionCode!: string;
  @ApiProperty({ example: '32.71' }) neighbourCode!: string;
  @ApiProperty() createdAt!: string;
}

export class GovernmentAffairResponseDto {
  @ApiProperty({ example: '1.02' }) code!: string;
  @ApiProperty({ example: CURRENT_NOMENCLATURE_VERSION }) nomenclatureVersion!: string;
  @ApiProperty({ example: 'Kesehatan' }) name!: string;
  @ApiProperty({ enum: AFFAIR_GROUPS }) group!: string;
  @ApiProperty({ enum: ['PROV', 'KABKOTA', 'BOTH'] }) level!: string;
  @ApiProperty({ description: 'Urusan absolut tidak boleh menjadi objek kerja sama' }) allowedAsObject!: boolean;
}

export class CooperationTypeResponseDto {
  @ApiProperty({ enum: COOPERATION_TYPE_CODES, example: 'KSDD_WAJIB' }) code!: string;
  @ApiProperty({ type: BilingualTextDto }) name!: BilingualTextDto;
  @ApiProperty({ enum: PARTNER_KINDS, isArray: true }) partnerKinds!: string[];
  @ApiProperty({ description: 'Kerja sama dengan pihak luar negeri' }) abroad!: boolean;
  @ApiProperty({ description: 'Jenis KSD menurut peraturan (SINERGI bukan)' }) ksdByLaw!: boolean;
  @ApiProperty({ type: [BilingualTextDto] }) requirements!: BilingualTextDto[];
}

/** A fixed choice and its label, for pickers. */
export class OptionDto {
  @ApiProperty({ example: 'APBD' }) code!: string;
  @ApiProperty({ type: BilingualTextDto }) label!: BilingualTextDto;
}

export class EnumerationsResponseDto {
  @ApiProperty({ type: [OptionDto], description: 'Tahap rencana' }) planStages!: OptionDto[];
  @ApiProperty({ type: [OptionDto], description: 'Jenis mitra' }) partnerKinds!: OptionDto[];
  @ApiProperty({ type: [OptionDto], description: 'Bentuk KSDPK' }) ksdpkKinds!: OptionDto[];
  @ApiProperty({ type: [OptionDto], description: 'Pemrakarsa' }) initiators!: OptionDto[];
  @ApiProperty({ type: [OptionDto], description: 'Sumber dana' }) fundingSources!: OptionDto[];
  @ApiProperty({ type: [OptionDto], description: 'Alasan objek belum tercantum dalam dokumen perencanaan' }) planningExceptions!: OptionDto[];
  @ApiProperty({ type: [OptionDto], description: 'Alasan penolakan' }) rejectionReasons!: OptionDto[];
  @ApiProperty({ type: [OptionDto], description: 'Alasan rencana memerlukan persetujuan DPRD' }) dprdApprovalReasons!: OptionDto[];
  @ApiProperty({ type: [OptionDto], description: 'Kegunaan lampiran' }) attachmentPurposes!: OptionDto[];
}

export function toRegionResponse(region: RegionRecord): RegionResponseDto {
  return { code: region.code, name: region.name, level: region.level, provinceCode: region.provinceCode };
}

export function toRegionBorderResponse(border: BorderRecord): RegionBorderResponseDto {
  return { regionCode: border.regionCode, neighbourCode: border.neighbourCode, createdAt: border.createdAt.toISOString() };
}

export function toGovernmentAffairResponse(affair: AffairRecord): GovernmentAffairResponseDto {
  return {
    code: affair.code,
    nomenclatureVersion: affair.nomenclatureVersion,
    name: affair.name,
    group: affair.group,
    level: affair.level,
    allowedAsObject: affair.group !== AffairGroup.ABSOLUTE,
  };
}

export function toCooperationTypeResponse(type: CooperationTypeInfo): CooperationTypeResponseDto {
  return {
    code: type.code,
    name: { ...type.name },
    partnerKinds: [...type.partnerKinds],
    abroad: type.abroad,
    ksdByLaw: type.ksdByLaw,
    requirements: type.requirements.map((requirement) => ({ ...requirement })),
  };
}
