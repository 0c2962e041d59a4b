import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthContext } from '../../../../domain/auth-context';

/** The authenticated caller, as the global auth guard resolved it for this request. */
export const CurrentAuth = createParamDecorator((_: unknown, context: ExecutionContext): AuthContext => {
  const request = context.switchToHttp().getRequest<{ auth?: AuthContext }>();
  if (!request.auth) throw new Error('CurrentAuth used on a route the auth guard did not authenticate');
  return request.auth;
});
