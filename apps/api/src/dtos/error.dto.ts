import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BilingualTextDto {
  @ApiProperty({ description: 'Bahasa Indonesia' }) id!: string;
  @ApiProperty({ description: 'English' }) en!: string;
}

export class ViolationDto {
  @ApiProperty({ example: 'lineItems[0].amount' }) field!: string;
  @ApiProperty({ example: 'RANGE' }) reason!: string;
  @ApiProperty({ type: BilingualTextDto }) message!: BilingualTextDto;
}

export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code!: string;
  @ApiProperty({ type: BilingualTextDto }) message!: BilingualTextDto;
  @ApiProperty({ type: [ViolationDto] }) violations!: ViolationDto[];
  @ApiPropertyOptional({ description: 'Present on 500: quote it to an administrator' }) errorId?: string;
}
