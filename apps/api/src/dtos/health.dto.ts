// What GET /health answers, with 200 or 503.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DependencyHealthDto {
  @ApiProperty() up!: boolean;
  @ApiProperty({ example: 3, description: 'How long the probe took (at most 3000)' }) latencyMs!: number;
  @ApiPropertyOptional({ example: 'no answer within 3000 ms', description: 'Why it is down' }) error?: string;
}

export class HealthReportDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status!: 'ok' | 'unavailable';
  @ApiProperty({ type: DependencyHealthDto }) database!: DependencyHealthDto;
  @ApiProperty({ type: DependencyHealthDto }) temporal!: DependencyHealthDto;
}
