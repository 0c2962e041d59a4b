// The global guard: every route not marked @Public() needs a valid bearer token of an
// active user, issued under the user's current token version. It resolves the caller
// from the database on each request (so on every API process alike) and sets
// `request.auth`, which @CurrentAuth() hands to the controller.
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthContext } from '../../../../domain/auth-context';
import { Unauthenticated } from '../../../../domain/errors';
import { AccessTokenService } from '../services/access-token.service';
import { AuthService } from '../services/auth.service';
import { bearerToken } from '../utils/bearer-token';
import { IS_PUBLIC } from './public.decorator';

export interface AuthenticatedRequest {
  headers: { authorization?: string };
  auth?: AuthContext;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly authService: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new Unauthenticated();
    request.auth = await this.authService.sessionFor(await this.tokens.verify(token));
    return true;
  }
}
