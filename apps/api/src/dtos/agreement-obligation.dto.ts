import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OBLIGATION_PARTY_LABELS, ObligationParty } from '../../../../domain/agreement-obligation';
import type { AgreementObligationRecord } from '../../../../persistence/agreement-obligation.repository';
import { BilingualTextDto } from './agreement.dto';

const PARTIES = Object.values(ObligationParty);

export class RecordObligationDto {
  @ApiProperty({ enum: PARTIES, description: 'Pihak yang berkewajiban' }) @IsIn(PARTIES) party!: ObligationParty;
  @ApiProperty({ description: 'Apa yang wajib dilakukan', example: 'Laporan semester I kepada mitra' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;
  @ApiProperty({ description: 'Tanggal jatuh tempo menurut PKS', example: '2027-07-31' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'dueOn must be a date YYYY-MM-DD' })
  dueOn!: string;
  @ApiProperty({ description: 'Sumber tanggal: pasal PKS', example: 'PKS 180/5/PKS/2027 Pasal 6' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  source!: string;
}

export class FulfilObligationDto {
  @ApiPropertyOptional({ description: 'Catatan pemenuhan' }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class AgreementObligationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PARTIES }) party!: ObligationParty;
  @ApiProperty({ type: BilingualTextDto }) partyLabel!: BilingualTextDto;
  @ApiProperty() description!: string;
  @ApiProperty({ example: '2027-07-31' }) dueOn!: string;
  @ApiProperty({ description: 'Where the due date comes from (the PKS article)' }) source!: string;
  @ApiProperty() createdByName!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) fulfilledAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) fulfilledByName!: string | null;
  @ApiProperty({ type: String, nullable: true }) fulfilmentNote!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set when the due date passed unfulfilled' }) overdueAt!: Date | null;
}

export function toObligationDto(record: AgreementObligationRecord): AgreementObligationDto {
  const party = record.party as ObligationParty;
  return {
    id: record.id,
    party,
    partyLabel: OBLIGATION_PARTY_LABELS[party],
    description: record.description,
    dueOn: record.dueOn,
    source: record.source,
    createdByName: record.createdByName,
    createdAt: record.createdAt,
    fulfilledAt: record.fulfilledAt,
    fulfilledByName: record.fulfilledByName,
    fulfilmentNote: record.fulfilmentNote,
    overdueAt: record.overdueAt,
  };
}
