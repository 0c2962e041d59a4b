// The government affairs nomenclature for pickers, by default in its current version.
import { Injectable } from '@nestjs/common';
import { CURRENT_NOMENCLATURE_VERSION } from '../../../../domain/nomenclature';
import type { AffairGroup } from '../../../../domain/affair';
import { GovernmentAffairRepository } from '../../../../persistence/government-affair.repository';

export interface AffairSearch {
  q?: string;
  group?: AffairGroup;
  version?: string;
}

@Injectable()
export class GovernmentAffairService {
  constructor(private readonly affairs: GovernmentAffairRepository) {}

  search(query: AffairSearch) {
    const q = query.q?.trim();
    return this.affairs.search({ q: q || undefined, group: query.group, nomenclatureVersion: query.version ?? CURRENT_NOMENCLATURE_VERSION });
  }
}
