import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { VOTES, type Vote } from '../../../../domain/deliberation';

export class PassTaskDto {
  @ApiProperty({ description: 'Pengguna penerima tugas' })
  @IsDefined()
  @IsUUID()
  toUserId!: string;

  @ApiPropertyOptional({ description: 'Alasan (wajib untuk pengalihan)' })
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  reason?: string;
}

export class CastVoteDto {
  @ApiProperty({ enum: VOTES })
  @IsDefined()
  @IsIn(VOTES)
  vote!: Vote;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(4000)
  @IsString()
  @IsNotEmpty()
  comment?: string;
}
