import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '../../../platform/config';
import { AuthController } from './controllers/auth.controller';
import { AuthGuard } from './middleware/auth.guard';
import { LoginThrottlerGuard, loginThrottlerOptions } from './middleware/login-throttler.guard';
import { PasswordHasher } from './repositories/password-hasher';
import { AccessTokenService } from './services/access-token.service';
import { AuthService } from './services/auth.service';
import { APP_CONFIG } from './tokens';

/**
 * Logging in, and the global guard that authenticates every route not marked @Public().
 * Swagger's /docs routes are served by SwaggerModule outside any controller, so the guard
 * never sees them: they stay readable without a token.
 */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET }),
    }),
    ThrottlerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: loginThrottlerOptions }),
  ],
  controllers: [AuthController],
  providers: [PasswordHasher, AccessTokenService, AuthService, LoginThrottlerGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [PasswordHasher],
})
export class AuthModule {}
