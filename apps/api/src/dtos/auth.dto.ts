// Request and response shapes of logging in and of "who am I".
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsString, MaxLength } from 'class-validator';
import type { AuthContext } from '../../../../domain/auth-context';
import { PASSWORD_MAX_LENGTH } from '../../../../domain/password-policy';
import { ROLES, type RoleGrant } from '../../../../domain/role';
import type { LoginResult } from '../services/auth.service';

// IsString sits lowest on purpose: class-validator checks the lowest decorator first.

export class LoginDto {
  @ApiProperty({ example: 'officer.kotabogor' })
  @IsDefined()
  @MaxLength(100)
  @IsString()
  username!: string;

  @ApiProperty({ example: 'jalin-demo-2027', format: 'password' })
  @IsDefined()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  @IsString()
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsDefined()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  @IsString()
  currentPassword!: string;

  @ApiProperty({ format: 'password', description: 'Minimal 10 karakter, tidak mudah ditebak (bukan kata sandi umum, bukan nama atau nama pengguna Anda)' })
  @IsDefined()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  @IsString()
  newPassword!: string;
}

export class RoleGrantDto {
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ example: '32.71' }) regionCode!: string;
  @ApiPropertyOptional({ example: 'Dinas Lingkungan Hidup', description: 'Hanya untuk petugas pengusul: perangkat daerahnya' })
  agency?: string;
}

export class CurrentUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'officer.kotabogor' }) username!: string;
  @ApiProperty({ example: 'Siti Rahmawati' }) displayName!: string;
  @ApiProperty({ type: [RoleGrantDto] }) grants!: RoleGrantDto[];
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Kirim sebagai `Authorization: Bearer <accessToken>`' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ example: 28800, description: 'Detik sampai token kedaluwarsa (JWT_TTL_SECONDS)' }) expiresIn!: number;
  @ApiProperty({ type: CurrentUserDto }) user!: CurrentUserDto;
}

const toGrant = (grant: RoleGrant): RoleGrantDto => (grant.agency === undefined ? { role: grant.role, regionCode: grant.regionCode } : { ...grant });

export function toCurrentUser(auth: AuthContext): CurrentUserDto {
  return { id: auth.userId, username: auth.username, displayName: auth.displayName, grants: auth.grants.map(toGrant) };
}

export function toLoginResponse(result: LoginResult): LoginResponseDto {
  return { accessToken: result.accessToken, tokenType: 'Bearer', expiresIn: result.expiresIn, user: toCurrentUser(result.auth) };
}
