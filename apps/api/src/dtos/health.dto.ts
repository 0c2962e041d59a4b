// What the health routes answer: liveness, readiness (200 or 503, no details that help an
// attacker), and the details an administrator needs to find the cause.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

export class DependencyStateDto {
  @ApiProperty() up!: boolean;
}

export class HealthReportDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status!: 'ok' | 'unavailable';
  @ApiProperty({ type: DependencyStateDto }) database!: DependencyStateDto;
  @ApiProperty({ type: DependencyStateDto }) temporal!: DependencyStateDto;
}

export class DependencyHealthDto extends DependencyStateDto {
  @ApiProperty({ example: 3, description: 'How long the probe took (at most 3000)' }) latencyMs!: number;
  @ApiPropertyOptional({ example: 'no answer within 3000 ms', description: 'Why it is down' }) error?: string;
}

export class HealthDetailsDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status!: 'ok' | 'unavailable';
  @ApiProperty({ type: DependencyHealthDto }) database!: DependencyHealthDto;
  @ApiProperty({ type: DependencyHealthDto }) temporal!: DependencyHealthDto;
}
