import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import {
  AdminGrantResponseDto,
  AdminUserResponseDto,
  CreateGrantDto,
  CreateUserDto,
  ListUsersQueryDto,
  UpdateUserDto,
  toAdminGrantResponse,
  toAdminUserResponse,
} from '../dtos/admin-user.dto';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { AdminUserService } from '../services/admin-user.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('admin')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Bukan admin wilayah yang bersangkutan' })
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly service: AdminUserService) {}

  @Get()
  @ApiOperation({
    operationId: 'listUsers',
    summary: 'List the users of your regions',
    description: 'Pengguna yang berperan di wilayah yang Anda kelola (hanya peran di wilayah itu yang ditampilkan).',
  })
  @ApiOkResponse({ type: [AdminUserResponseDto] })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: ListUsersQueryDto): Promise<AdminUserResponseDto[]> {
    return (await this.service.list(auth, query.regionCode)).map(toAdminUserResponse);
  }

  @Post()
  @ApiOperation({ operationId: 'createUser', summary: 'Create a user account', description: 'Buat akun (tanpa peran; berikan peran sesudahnya).' })
  @ApiCreatedResponse({ type: AdminUserResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Nama pengguna sudah dipakai' })
  async create(@CurrentAuth() auth: AuthContext, @Body() dto: CreateUserDto): Promise<AdminUserResponseDto> {
    return toAdminUserResponse(await this.service.create(auth, dto));
  }

  @Patch(':id')
  @ApiOperation({
    operationId: 'updateUser',
    summary: 'Update a user account',
    description: 'Ubah nama, surel, status aktif atau kata sandi; perlu admin semua wilayah tempat pengguna berperan.',
  })
  @ApiOkResponse({ type: AdminUserResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Menonaktifkan akun sendiri' })
  async update(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: UpdateUserDto): Promise<AdminUserResponseDto> {
    return toAdminUserResponse(await this.service.update(auth, id, dto));
  }

  @Post(':id/grants')
  @ApiOperation({ operationId: 'grantRole', summary: 'Grant a user a role', description: 'Berikan peran di wilayah yang Anda kelola (idempoten).' })
  @ApiCreatedResponse({ type: AdminGrantResponseDto, description: 'Juga bila peran itu sudah dimiliki' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async addGrant(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: CreateGrantDto): Promise<AdminGrantResponseDto> {
    return toAdminGrantResponse(await this.service.addGrant(auth, id, dto));
  }

  @Delete(':id/grants/:grantId')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'revokeRole',
    summary: 'Revoke a user’s role',
    description: 'Cabut peran; berlaku seketika, juga untuk token yang masih berlaku.',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Mencabut peran admin sendiri' })
  async removeGrant(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Param('grantId', uuid) grantId: string): Promise<void> {
    await this.service.removeGrant(auth, id, grantId);
  }
}
