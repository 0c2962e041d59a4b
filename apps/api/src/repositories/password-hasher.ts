// Password hashing behind a class, so services hold logic only and unit tests swap in a
// fast fake for Argon2, which is slow on purpose.
import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { hashPassword, verifyPassword } from '../../../../platform/password-hashing';

@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummy?: Promise<string>;

  /** Made at start, so not even the first unknown username takes longer to refuse. */
  async onModuleInit(): Promise<void> {
    await this.dummyHash();
  }

  hash(password: string): Promise<string> {
    return hashPassword(password);
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return verifyPassword(passwordHash, password);
  }

  /**
   * A real hash of a password nobody knows: a login for an unknown username is checked
   * against it, so that answer takes as long as a wrong password for a real user.
   */
  dummyHash(): Promise<string> {
    this.dummy ??= hashPassword(randomBytes(24).toString('base64url'));
    return this.dummy;
  }
}
