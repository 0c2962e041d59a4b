// Access tokens: HS256 JWTs that name the user, the user's token version and an expiry.
// Roles are not in the token but read from the database on every request, with the
// version: raising it (logout, new password, deactivation) ends older tokens at once.
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../../../../platform/config';
import { Unauthenticated } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import { APP_CONFIG } from '../tokens';
import { isUuid } from '../../../../domain/uuid';

export const TOKEN_ISSUER = 'jalin';
export const TOKEN_AUDIENCE = 'jalin-api';

/** What a verified token says: whose it is and under which token version it was issued. */
export interface TokenClaims {
  userId: string;
  version: number;
}

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

  async issue(userId: string, version: number): Promise<IssuedToken> {
    const expiresIn = this.config.JWT_TTL_SECONDS;
    const accessToken = await this.jwt.signAsync(
      { ver: version },
      { subject: userId, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithm: 'HS256', expiresIn },
    );
    return { accessToken, expiresIn };
  }

  /** What a token says; Unauthenticated when it is forged, altered, expired, without expiry or version, or not ours. */
  async verify(token: string): Promise<TokenClaims> {
    let claims: { sub?: unknown; exp?: unknown; ver?: unknown };
    try {
      // The algorithm is pinned: a token may not choose how it is checked ("alg": "none").
      claims = await this.jwt.verifyAsync<typeof claims>(token, { algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
    } catch {
      throw sessionInvalid();
    }
    const { sub, exp, ver } = claims;
    // A token without an expiry would never end (the library accepts one).
    if (typeof sub !== 'string' || !isUuid(sub) || typeof exp !== 'number' || !Number.isInteger(ver)) throw sessionInvalid();
    return { userId: sub, version: ver as number };
  }
}
