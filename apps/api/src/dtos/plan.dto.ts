// Request and response shapes of the plans resource. Types and presence are checked
// here at the edge; the content rules (formats, limits, cross-field rules) live in domain/.
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { CursorPageQueryDto } from './page-query.dto';
import { OptionalNotNull } from '../utils/validation';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { COOPERATION_TYPE_CODES, INITIATORS, KSDPK_KINDS, type CooperationType, type Initiator, type KsdpkKind } from '../../../../domain/cooperation-type';
import { FUNDING_SOURCES, type FundingSource } from '../../../../domain/funding-source';
import { PLAN_STAGES, type PlanStage } from '../../../../domain/plan-stage';
import { FeasibilityStudyDto, MappedObjectDto, PlanLineItemDto, PlanPartnerDto, TEXT_CAP, TermsOfReferenceDto } from './plan-content.dto';

// Lists may be longer than the rules allow so that the rules, not the parser, answer.
const LIST_CAP = 1000;

export class CreatePlanDto {
  @ApiProperty({ example: 'Kerja sama pengelolaan sampah regional' })
  @IsDefined()
  @MaxLength(TEXT_CAP)
  @IsString()
  title!: string;

  @ApiPropertyOptional({ example: 'Pengelolaan TPA bersama dengan kabupaten tetangga' })
  @OptionalNotNull()
  @MaxLength(TEXT_CAP)
  @IsString()
  summary?: string;

  @ApiProperty({ example: '32.71', description: 'Kode wilayah Kemendagri' })
  @IsDefined()
  @MaxLength(16)
  @IsString()
  regionCode!: string;

  @ApiProperty({ example: 2027 })
  @IsDefined()
  @IsInt()
  budgetYear!: number;

  @ApiProperty({ example: 'Dinas Lingkungan Hidup' })
  @IsDefined()
  @MaxLength(TEXT_CAP)
  @IsString()
  proposingAgency!: string;

  @ApiPropertyOptional({ enum: COOPERATION_TYPE_CODES })
  @OptionalNotNull()
  @IsIn(COOPERATION_TYPE_CODES)
  cooperationType?: CooperationType;

  @ApiPropertyOptional({ enum: KSDPK_KINDS, description: 'Untuk KSDPK' })
  @OptionalNotNull()
  @IsIn(KSDPK_KINDS)
  ksdpkKind?: KsdpkKind;

  @ApiPropertyOptional({ enum: INITIATORS })
  @OptionalNotNull()
  @IsIn(INITIATORS)
  initiator?: Initiator;

  @ApiPropertyOptional({ type: [PlanPartnerDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(LIST_CAP)
  @ValidateNested({ each: true })
  @Type(() => PlanPartnerDto)
  partners?: PlanPartnerDto[];

  @ApiPropertyOptional({ type: [MappedObjectDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(LIST_CAP)
  @ValidateNested({ each: true })
  @Type(() => MappedObjectDto)
  objects?: MappedObjectDto[];

  @ApiPropertyOptional({ type: TermsOfReferenceDto, description: 'Kerangka acuan kerja (KAK)' })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => TermsOfReferenceDto)
  termsOfReference?: TermsOfReferenceDto;

  @ApiPropertyOptional({ type: FeasibilityStudyDto, description: 'Studi kelayakan (isian; berkas sebagai lampiran)' })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => FeasibilityStudyDto)
  feasibilityStudy?: FeasibilityStudyDto;

  @ApiPropertyOptional({ example: 36, description: 'Jangka waktu (bulan)' })
  @OptionalNotNull()
  @IsInt()
  plannedDurationMonths?: number;

  @ApiPropertyOptional({ enum: FUNDING_SOURCES })
  @OptionalNotNull()
  @IsIn(FUNDING_SOURCES)
  fundingSource?: FundingSource;

  @ApiPropertyOptional({ description: 'Membebani masyarakat dan daerah' })
  @OptionalNotNull()
  @IsBoolean()
  burdensCommunity?: boolean;

  @ApiPropertyOptional({ description: 'Tahun jamak' })
  @OptionalNotNull()
  @IsBoolean()
  multiYear?: boolean;

  @ApiPropertyOptional({ type: [PlanLineItemDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(LIST_CAP)
  @ValidateNested({ each: true })
  @Type(() => PlanLineItemDto)
  lineItems?: PlanLineItemDto[];
}

/** Any subset of the draft's fields; a list or a section given replaces the stored one whole. `null` is refused, naming the field. */
export class UpdatePlanDto extends PartialType(CreatePlanDto, { skipNullProperties: false }) {}

export class ListPlansQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ enum: PLAN_STAGES })
  @IsOptional()
  @IsIn(PLAN_STAGES)
  stage?: PlanStage;

  @ApiPropertyOptional({ example: '32.71' })
  @IsOptional()
  @MaxLength(16)
  @IsString()
  regionCode?: string;

  @ApiPropertyOptional({ example: 2027 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  budgetYear?: number;

  @ApiPropertyOptional({ enum: COOPERATION_TYPE_CODES })
  @IsOptional()
  @IsIn(COOPERATION_TYPE_CODES)
  cooperationType?: CooperationType;

  @ApiPropertyOptional({ description: 'Cari pada judul' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  q?: string;
}
