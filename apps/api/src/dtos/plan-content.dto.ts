// The nested parts of a plan in requests: partners, mapped objects, KAK, feasibility
// study, budget lines. Types and presence are checked here; the rules in domain/.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { INITIATORS, PARTNER_KINDS, type Initiator, type PartnerKind } from '../../../../domain/cooperation-type';
import { PLANNING_EXCEPTIONS, type PlanningException } from '../../../../domain/planning-exception';

// Generous caps against oversized bodies; the domain rules give the precise limits.
export const TEXT_CAP = 20_000;
const CODE_CAP = 64;

export class PlanLineItemDto {
  @ApiProperty({ example: '1.02.02.2.01.0001', description: 'Kode nomenklatur U.BB.PP.L.KK.SSSS (minimal U.BB)' })
  @IsDefined()
  @MaxLength(CODE_CAP)
  @IsString()
  nomenclatureCode!: string;

  @ApiProperty({ example: 'Pelayanan kesehatan bersama di wilayah perbatasan' })
  @IsDefined()
  @MaxLength(TEXT_CAP)
  @IsString()
  description!: string;

  @ApiProperty({ example: 250000000, description: 'Perkiraan nilai dalam rupiah' })
  @IsDefined()
  @IsInt()
  amount!: number;
}

export class PlanPartnerDto {
  @ApiProperty({ enum: PARTNER_KINDS })
  @IsDefined()
  @IsIn(PARTNER_KINDS)
  kind!: PartnerKind;

  @ApiProperty({ example: 'Pemerintah Kabupaten Bogor' })
  @IsDefined()
  @MaxLength(TEXT_CAP)
  @IsString()
  name!: string;

  @ApiPropertyOptional({ example: '32.01', description: 'Kode wilayah Kemendagri, untuk mitra daerah' })
  @IsOptional()
  @MaxLength(16)
  @IsString()
  regionCode?: string;

  @ApiPropertyOptional({ example: 'Perseroan Terbatas (PT)' })
  @IsOptional()
  @MaxLength(TEXT_CAP)
  @IsString()
  legalForm?: string;

  @ApiPropertyOptional({ example: 'Jepang' })
  @IsOptional()
  @MaxLength(TEXT_CAP)
  @IsString()
  country?: string;
}

export class MappedObjectDto {
  @ApiProperty({ example: '2.11', description: 'Bidang urusan U.BB' })
  @IsDefined()
  @MaxLength(CODE_CAP)
  @IsString()
  affairCode!: string;

  @ApiPropertyOptional({ example: '2.11.03' })
  @IsOptional()
  @MaxLength(CODE_CAP)
  @IsString()
  programCode?: string;

  @ApiPropertyOptional({ example: '2.11.03.2.01' })
  @IsOptional()
  @MaxLength(CODE_CAP)
  @IsString()
  kegiatanCode?: string;

  @ApiPropertyOptional({ example: '2.11.03.2.01.0001' })
  @IsOptional()
  @MaxLength(CODE_CAP)
  @IsString()
  subKegiatanCode?: string;

  @ApiPropertyOptional({ description: 'Versi nomenklatur; bawaan: versi yang berlaku' })
  @IsOptional()
  @MaxLength(CODE_CAP)
  @IsString()
  nomenclatureVersion?: string;

  @ApiPropertyOptional({ description: 'Potensi' })
  @IsOptional()
  @MaxLength(TEXT_CAP)
  @IsString()
  potential?: string;

  @ApiPropertyOptional({ description: 'Karakteristik' })
  @IsOptional()
  @MaxLength(TEXT_CAP)
  @IsString()
  characteristics?: string;

  @ApiProperty({ description: 'Sudah tercantum dalam RPJMD/RKPD' })
  @IsDefined()
  @IsBoolean()
  inPlanningDocuments!: boolean;

  @ApiPropertyOptional({ enum: PLANNING_EXCEPTIONS, description: 'Wajib bila belum tercantum dalam dokumen perencanaan' })
  @IsOptional()
  @IsIn(PLANNING_EXCEPTIONS)
  exceptionReason?: PlanningException;
}

export class TermsOfReferenceDto {
  @ApiPropertyOptional({ description: 'Latar belakang' }) @IsOptional() @MaxLength(TEXT_CAP) @IsString() background?: string;
  @ApiPropertyOptional({ description: 'Maksud dan tujuan' }) @IsOptional() @MaxLength(TEXT_CAP) @IsString() purpose?: string;
  @ApiPropertyOptional({ description: 'Dasar hukum' }) @IsOptional() @MaxLength(TEXT_CAP) @IsString() legalBasis?: string;
  @ApiPropertyOptional({ description: 'Objek kerja sama' }) @IsOptional() @MaxLength(TEXT_CAP) @IsString() object?: string;
  @ApiPropertyOptional({ description: 'Ruang lingkup kegiatan' }) @IsOptional() @MaxLength(TEXT_CAP) @IsString() activities?: string;
  @ApiPropertyOptional({ description: 'Hasil yang diharapkan' }) @IsOptional() @MaxLength(TEXT_CAP) @IsString() expectedResults?: string;
  @ApiPropertyOptional({ description: 'Peran para pihak' }) @IsOptional() @MaxLength(TEXT_CAP) @IsString() rolesOfParties?: string;
}

export class FeasibilityStudyDto {
  @ApiPropertyOptional({ enum: INITIATORS, description: 'Penyusun: daerah atau pihak ketiga' })
  @IsOptional()
  @IsIn(INITIATORS)
  preparedBy?: Initiator;

  @ApiPropertyOptional() @IsOptional() @MaxLength(TEXT_CAP) @IsString() summary?: string;
  @ApiPropertyOptional() @IsOptional() @MaxLength(TEXT_CAP) @IsString() conclusion?: string;

  @ApiPropertyOptional({ example: '2026-05-20' })
  @IsOptional()
  @MaxLength(10)
  @IsString()
  studyDate?: string;
}
