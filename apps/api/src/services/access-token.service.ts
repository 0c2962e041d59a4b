// Access tokens: HS256 JWTs that name the user and nothing else. Roles are not in the
// token but read from the database on every request, so revoking a grant or
// deactivating a user takes effect at once rather than when the token expires.
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../../../../platform/config';
import { Unauthenticated } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import { APP_CONFIG } from '../tokens';
import { isUuid } from '../../../../domain/uuid';

export const TOKEN_ISSUER = 'jalin';
export const TOKEN_AUDIENCE = 'jalin-api';

export interface IssuedToken {
  accessToken: string;
  /** Seconds until it expires. */
  expiresIn: number;
}

export function sessionInvalid(): Unauthenticated {
  return new Unauthenticated(
    text('Sesi Anda tidak berlaku atau telah berakhir. Silakan masuk kembali.', 'Your session is not valid or has expired. Please log in again.'),
  );
}

@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'JWT_TTL_SECONDS'>,
  ) {}

  async issue(userId: string): Promise<IssuedToken> {
    const expiresIn = this.config.JWT_TTL_SECONDS;
    const accessToken = await this.jwt.signAsync({}, { subject: userId, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithm: 'HS256', expiresIn });
    return { accessToken, expiresIn };
  }

  /** The user a token names; Unauthenticated when it is forged, altered, expired or not ours. */
  async verify(token: string): Promise<string> {
    let subject: unknown;
    try {
      // The algorithm is pinned: a token may not choose how it is checked ("alg": "none").
      ({ sub: subject } = await this.jwt.verifyAsync<{ sub?: unknown }>(token, {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
      }));
    } catch {
      throw sessionInvalid();
    }
    if (typeof subject !== 'string' || !isUuid(subject)) throw sessionInvalid();
    return subject;
  }
}
