import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import { CurrentUserDto, LoginDto, LoginResponseDto, toCurrentUser, toLoginResponse } from '../dtos/auth.dto';
import { ErrorResponseDto } from '../dtos/error.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { Public } from '../middleware/public.decorator';
import { AuthService } from '../services/auth.service';

@ApiTags('auth')
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@Controller('auth')
export class AuthController {
  constructor(private readonly service: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'login',
    summary: 'Log in',
    description: 'Dengan nama pengguna dan kata sandi. Nama pengguna tidak dikenal, kata sandi salah, dan akun nonaktif dijawab sama: 401.',
    security: [],
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  async login(@Body() dto: LoginDto): Promise<LoginResponseDto> {
    return toLoginResponse(await this.service.login(dto.username, dto.password));
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
