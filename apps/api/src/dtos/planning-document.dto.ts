// Request and response shapes of the planning document register and of a plan's lines.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  DOCUMENT_STATE_LABELS,
  DOCUMENT_STATES,
  LINE_FLAG_LABELS,
  type DocumentKind,
  type DocumentState,
  type LineFlag,
} from '../../../../domain/planning-document';
import { BilingualTextDto } from './error.dto';

export class RegisterDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsDefined()
  @IsIn(DOCUMENT_KINDS)
  kind!: DocumentKind;

  @ApiProperty({ example: '32.71' })
  @IsDefined()
  @MaxLength(16)
  @IsString()
  regionCode!: string;

  @ApiProperty({ example: 2027 })
  @IsDefined()
  @Type(() => Number)
  @IsInt()
  budgetYear!: number;

  @ApiPropertyOptional({ example: 'Dinas Lingkungan Hidup', description: 'Perangkat daerah, wajib untuk RENJA dan RKA' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  agency?: string;
}

export class ChangeDocumentStateDto {
  @ApiProperty({ enum: DOCUMENT_STATES, description: 'Status baru; hanya maju (Rancangan Awal → Rancangan → Rancangan Akhir → Final)' })
  @IsDefined()
  @IsIn(DOCUMENT_STATES)
  state!: DocumentState;
}

export class DocumentListQueryDto {
  @ApiProperty({ example: '32.71' }) @IsDefined() @MaxLength(16) @IsString() regionCode!: string;
  @ApiProperty({ example: '2027' }) @IsDefined() @MaxLength(4) @IsString() budgetYear!: string;
}

export class DocumentLineDto {
  @ApiProperty() id!: string;
  @ApiProperty() documentId!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) documentKind!: string;
  @ApiProperty() planId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Judul rencana; null pada daftar baris satu rencana' }) planTitle!: string | null;
  @ApiProperty() planRevision!: number;
  @ApiProperty() lineKey!: string;
  @ApiProperty() nomenclatureCode!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Pagu (rupiah)' }) amount!: number;
  @ApiProperty({ type: String, nullable: true, example: 'APBD', description: 'Sumber dana' }) fundingSource!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Plafon KUA-PPAS rencana (rupiah)' }) ceiling!: number | null;
  @ApiProperty() agency!: string;
  @ApiProperty({ enum: ['ACTIVE', 'WITHDRAWN'] }) status!: string;
  @ApiProperty({ type: String, nullable: true, enum: Object.keys(LINE_FLAG_LABELS) }) flag!: string | null;
  @ApiProperty({ nullable: true, type: BilingualTextDto }) flagMessage!: BilingualTextDto | null;
  @ApiProperty({ format: 'date-time' }) syncedAt!: string;
}

export class PlanningDocumentDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({ example: 'KUA-PPAS' }) kindName!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() budgetYear!: number;
  @ApiProperty({ description: 'Perangkat daerah (Renja, RKA); kosong untuk dokumen daerah' }) agency!: string;
  @ApiProperty({ enum: DOCUMENT_STATES }) state!: string;
  @ApiProperty({ example: 'Rancangan Awal' }) stateName!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) stateChangedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finalAt!: string | null;
  @ApiPropertyOptional({ description: 'Baris aktif' }) activeLines?: number;
  @ApiPropertyOptional({ type: [DocumentLineDto] }) lines?: DocumentLineDto[];
}

interface DocumentRow {
  id: string;
  kind: string;
  regionCode: string;
  budgetYear: number;
  agency: string;
  state: string;
  stateChangedAt: Date | null;
  finalAt: Date | null;
}

interface LineRow {
  id: string;
  documentId: string;
  planId: string;
  planRevision: number;
  lineKey: string;
  nomenclatureCode: string;
  description: string;
  amount: bigint;
  fundingSource: string | null;
  ceiling: bigint | null;
  agency: string;
  status: string;
  flag: string | null;
  syncedAt: Date;
}

export function toDocumentDto(document: DocumentRow, extra: { activeLines?: number; lines?: DocumentLineDto[] } = {}): PlanningDocumentDto {
  return {
    id: document.id,
    kind: document.kind,
    kindName: DOCUMENT_KIND_LABELS[document.kind as DocumentKind],
    regionCode: document.regionCode,
    budgetYear: document.budgetYear,
    agency: document.agency,
    state: document.state,
    stateName: DOCUMENT_STATE_LABELS[document.state as DocumentState],
    stateChangedAt: document.stateChangedAt?.toISOString() ?? null,
    finalAt: document.finalAt?.toISOString() ?? null,
    ...extra,
  };
}

export function toLineDto(line: LineRow, documentKind: string, planTitle: string | null): DocumentLineDto {
  return {
    id: line.id,
    documentId: line.documentId,
    documentKind,
    planId: line.planId,
    planTitle,
    planRevision: line.planRevision,
    lineKey: line.lineKey,
    nomenclatureCode: line.nomenclatureCode,
    description: line.description,
    amount: Number(line.amount),
    fundingSource: line.fundingSource,
    ceiling: line.ceiling === null ? null : Number(line.ceiling),
    agency: line.agency,
    status: line.status,
    flag: line.flag,
    flagMessage: line.flag ? LINE_FLAG_LABELS[line.flag as LineFlag] : null,
    syncedAt: line.syncedAt.toISOString(),
  };
}
