import { Body, Controller, Get, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import { ChangePasswordDto, CurrentUserDto, LoginDto, LoginResponseDto, toCurrentUser, toLoginResponse } from '../dtos/auth.dto';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { LoginThrottlerGuard } from '../middleware/login-throttler.guard';
import { Public } from '../middleware/public.decorator';
import { AuthService } from '../services/auth.service';

@ApiTags('auth')
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@Controller('auth')
export class AuthController {
  constructor(private readonly service: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'login',
    summary: 'Log in',
    description:
      'Dengan nama pengguna dan kata sandi. Nama pengguna tidak dikenal, kata sandi salah, dan akun nonaktif dijawab sama: 401. ' +
      'Terlalu banyak percobaan per alamat atau per akun dalam semenit (LOGIN_RATE_PER_ADDRESS, LOGIN_RATE_PER_ACCOUNT), atau akun yang dikunci ' +
      'setelah kata sandi salah berturut-turut (LOGIN_LOCKOUT_AFTER_FAILURES, LOGIN_LOCKOUT_SECONDS): 429 dengan Retry-After.',
    security: [],
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Too many attempts; the Retry-After header says after how many seconds to try again' })
  async login(@Body() dto: LoginDto, @Ip() clientAddress: string): Promise<LoginResponseDto> {
    return toLoginResponse(await this.service.login(dto.username, dto.password, clientAddress));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'logout',
    summary: 'Log out everywhere',
    description: 'Mengakhiri semua token pengguna ini (di semua perangkat dan semua proses API) seketika.',
  })
  @ApiNoContentResponse({ description: 'Every token of the caller has ended' })
  async logout(@CurrentAuth() auth: AuthContext): Promise<void> {
    await this.service.logout(auth);
  }

  @Post('password')
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'changePassword',
    summary: 'Change one’s own password',
    description:
      'Dengan kata sandi saat ini. Semua token lama berakhir; jawabannya token baru untuk sesi ini. Kata sandi saat ini yang salah dihitung ' +
      'seperti login yang salah (penguncian akun).',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  async changePassword(@CurrentAuth() auth: AuthContext, @Body() dto: ChangePasswordDto): Promise<LoginResponseDto> {
    return toLoginResponse(await this.service.changePassword(auth, dto.currentPassword, dto.newPassword));
  }

  @Get('me')
  @ApiOperation({
    operationId: 'getCurrentUser',
    summary: 'Get the logged-in user',
    description: 'Pengguna yang sedang masuk beserta perannya, sebagaimana tersimpan saat ini.',
  })
  @ApiOkResponse({ type: CurrentUserDto })
  me(@CurrentAuth() auth: AuthContext): CurrentUserDto {
    return toCurrentUser(auth);
  }
}
