// Request and response shapes of user administration. No response carries a password
// hash: the mappers below copy named fields only.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AGENCY_MAX_LENGTH } from '../../../../domain/grant-rules';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../../domain/password-policy';
import { REGION_CODE_PATTERN } from '../../../../domain/plan-content';
import { ROLES, type Role } from '../../../../domain/role';
import type { GrantRecord, UserRecord } from '../../../../persistence/user.repository';

// The lowest decorator is checked first (stopAtFirstError): a wrong type reads as such.

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const REGION_CODE_MESSAGE = 'Must be a Kemendagri region code, e.g. 32 or 32.71.';
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
// Usernames are kept in lower case, as login reads them: `Rina.Kusuma` is `rina.kusuma`.
const lowerCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
// Addresses too: one account per address, and `Rina@Pemda.go.id` is the same mailbox.
const PASSWORD_DESCRIPTION = `Minimal ${PASSWORD_MIN_LENGTH} karakter`;

export class ListUsersQueryDto {
  @ApiPropertyOptional({ example: '32.71', description: 'Hanya pengguna dengan peran di wilayah ini (yang Anda kelola)' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  @IsString()
  regionCode?: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'rina.kusuma', description: 'Huruf kecil, angka, titik, garis bawah atau tanda hubung; 3-64 karakter' })
  @IsDefined()
  @Matches(USERNAME_PATTERN, { message: 'Must be 3-64 lower-case letters, digits, dots, underscores or hyphens.' })
  @IsString()
  @Transform(lowerCase)
  username!: string;

  @ApiProperty({ example: 'Rina Kusuma, S.E.' })
  @IsDefined()
  @IsNotEmpty()
  @MaxLength(200)
  @IsString()
  @Transform(trim)
  displayName!: string;

  @ApiPropertyOptional({ example: 'rina.kusuma@kotabogor.go.id', description: 'Alamat pemberitahuan; satu alamat untuk satu akun' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  @IsString()
  @Transform(lowerCase)
  email?: string;

  @ApiProperty({ format: 'password', description: PASSWORD_DESCRIPTION })
  @IsDefined()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  @IsString()
  password!: string;

  @ApiPropertyOptional({
    example: '32.71',
    description: 'Wilayah asal akun: hanya adminnya (atau admin provinsinya) yang dapat mengubah akun ini. Bawaan: wilayah yang Anda kelola, bila hanya satu',
  })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  @IsString()
  homeRegionCode?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(200)
  @IsString()
  @Transform(trim)
  displayName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Alamat pemberitahuan, satu alamat untuk satu akun; null menghapusnya' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  @IsString()
  @Transform(lowerCase)
  email?: string | null;

  @ApiPropertyOptional({ description: 'false: tidak dapat masuk lagi, dan token yang masih berlaku langsung ditolak' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ format: 'password', description: PASSWORD_DESCRIPTION })
  @IsOptional()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  @IsString()
  password?: string;
}

export class CreateGrantDto {
  @ApiProperty({ enum: ROLES, example: 'OFFICER' })
  @IsDefined()
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ example: '32.71' })
  @IsDefined()
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  @IsString()
  regionCode!: string;

  @ApiPropertyOptional({ example: 'Dinas Lingkungan Hidup', description: 'Wajib untuk OFFICER, tidak boleh diisi untuk peran lain' })
  @IsOptional()
  @MaxLength(AGENCY_MAX_LENGTH)
  @IsString()
  @Transform(trim)
  agency?: string;
}

export class AdminGrantResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ example: '32.71' }) regionCode!: string;
  @ApiPropertyOptional({ example: 'Dinas Lingkungan Hidup' }) agency?: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: String, nullable: true, description: 'Nama pengguna admin yang memberikan peran' }) createdBy!: string | null;
}

export class AdminUserResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'rina.kusuma' }) username!: string;
  @ApiProperty({ example: 'Rina Kusuma, S.E.' }) displayName!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true, example: '32.71', description: 'Wilayah asal: adminnya (atau admin provinsinya) yang mengelola akun ini' })
  homeRegionCode!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({ type: [AdminGrantResponseDto], description: 'Peran di wilayah yang Anda kelola' }) grants!: AdminGrantResponseDto[];
}

export function toAdminGrantResponse(grant: GrantRecord): AdminGrantResponseDto {
  return {
    id: grant.id,
    role: grant.role,
    regionCode: grant.regionCode,
    ...(grant.agency === '' ? {} : { agency: grant.agency }),
    createdAt: grant.createdAt,
    createdBy: grant.createdBy,
  };
}

export function toAdminUserResponse(user: UserRecord): AdminUserResponseDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    active: user.active,
    homeRegionCode: user.homeRegionCode,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    grants: user.grants.map(toAdminGrantResponse),
  };
}
