// Regions for pickers, and the admin's edits of which regions border each other.
import { Injectable } from '@nestjs/common';
import { canAdminister } from '../../../../domain/access-policy';
import type { AuthContext } from '../../../../domain/auth-context';
import { Forbidden, NotFound, ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import { REGION_CODE_PATTERN } from '../../../../domain/plan-content';
import type { Violation } from '../../../../domain/violation';
import type { RegionLevel } from '../../../../domain/affair';
import { RegionRepository, type BorderKey, type RegionRecord } from '../../../../persistence/region.repository';

/** Pickers show a short list; a user narrows it by typing. */
export const REGION_SEARCH_LIMIT = 50;

const REGION = { id: 'Wilayah', en: 'Region' };
const BORDER = { id: 'Perbatasan wilayah', en: 'Region border' };

export interface RegionSearch {
  q?: string;
  level?: RegionLevel;
  provinceCode?: string;
}

function formatViolation(field: string): Violation {
  return {
    field,
    reason: 'FORMAT',
    message: text('Kode wilayah harus berformat Kemendagri, mis. 32 atau 32.71.', 'The region code must use the Kemendagri format, e.g. 32 or 32.71.'),
  };
}

/** A border concerns both regions, so an administrator of either may record or remove it. */
function requireAdminOfEither(auth: AuthContext, key: BorderKey): void {
  if (canAdminister(auth, key.regionCode) || canAdminister(auth, key.neighbourCode)) return;
  throw new Forbidden(
    text(
      `Hanya admin wilayah ${key.regionCode} atau ${key.neighbourCode} yang dapat mengubah perbatasan keduanya.`,
      `Only an administrator of region ${key.regionCode} or ${key.neighbourCode} may change the border between them.`,
    ),
  );
}

@Injectable()
export class RegionService {
  constructor(private readonly regions: RegionRepository) {}

  search(query: RegionSearch) {
    const q = query.q?.trim();
    return this.regions.search({ ...query, q: q || undefined, limit: REGION_SEARCH_LIMIT });
  }

  async get(code: string): Promise<RegionRecord> {
    if (!REGION_CODE_PATTERN.test(code)) throw new ValidationFailed([formatViolation('code')]);
    const region = await this.regions.findByCode(code);
    if (!region) throw new NotFound(REGION, code);
    return region;
  }

  async neighbours(code: string) {
    await this.get(code);
    return this.regions.neighbours(code);
  }

  /** Records that two regions border each other; recording it again changes nothing. */
  async addBorder(auth: AuthContext, regionCode: string, neighbourCode: string) {
    const key = this.borderKey(regionCode, neighbourCode);
    requireAdminOfEither(auth, key);
    const [first, second] = await Promise.all([this.get(key.regionCode), this.get(key.neighbourCode)]);
    // A province borders provinces, a kabupaten/kota borders kabupaten/kota.
    if (first.level !== second.level) {
      throw new ValidationFailed([
        {
          field: 'neighbourCode',
          reason: 'LEVEL_MISMATCH',
          message: text(
            'Provinsi hanya berbatasan dengan provinsi, dan kabupaten/kota dengan kabupaten/kota.',
            'A province borders provinces only, and a kabupaten/kota borders kabupaten/kota only.',
          ),
        },
      ]);
    }
    return this.regions.addBorder(key);
  }

  async removeBorder(auth: AuthContext, regionCode: string, neighbourCode: string): Promise<void> {
    const key = this.borderKey(regionCode, neighbourCode);
    requireAdminOfEither(auth, key);
    if (!(await this.regions.removeBorder(key))) throw new NotFound(BORDER, `${key.regionCode}–${key.neighbourCode}`);
  }

  /** Checks the pair and puts it in stored order: each border is kept once, lower code first. */
  private borderKey(regionCode: string, neighbourCode: string): BorderKey {
    const violations = [
      ...(REGION_CODE_PATTERN.test(regionCode) ? [] : [formatViolation('regionCode')]),
      ...(REGION_CODE_PATTERN.test(neighbourCode) ? [] : [formatViolation('neighbourCode')]),
    ];
    if (violations.length === 0 && regionCode === neighbourCode) {
      violations.push({
        field: 'neighbourCode',
        reason: 'SAME_REGION',
        message: text('Wilayah tidak dapat berbatasan dengan dirinya sendiri.', 'A region cannot border itself.'),
      });
    }
    if (violations.length) throw new ValidationFailed(violations);
    return regionCode < neighbourCode ? { regionCode, neighbourCode } : { regionCode: neighbourCode, neighbourCode: regionCode };
  }
}
