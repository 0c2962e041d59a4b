// A region's mapping for a budget year: read once, built by the pure matrix builder,
// then answered as JSON or rendered as a workbook or a PDF.
import { Injectable } from '@nestjs/common';
import { requireRegionView } from '../../../../domain/access-policy';
import type { AuthContext } from '../../../../domain/auth-context';
import { NotFound } from '../../../../domain/errors';
import { MappingRepository } from '../../../../persistence/mapping.repository';
import { renderMappingPdf, PDF_CONTENT_TYPE } from '../renderers/mapping-pdf';
import { mappingFileName } from '../renderers/mapping-text';
import { renderMappingXlsx, XLSX_CONTENT_TYPE } from '../renderers/mapping-xlsx';
import { buildMappingMatrix, type MappingMatrix } from './mapping-matrix';

const REGION = { id: 'Wilayah', en: 'Region' };

export interface MappingQuery {
  regionCode: string;
  budgetYear: number;
  includeRejected: boolean;
}

export interface MappingExport {
  fileName: string;
  contentType: string;
  content: Buffer;
}

@Injectable()
export class MappingService {
  constructor(private readonly mappings: MappingRepository) {}

  /** Read by the region-wide roles of that region; an officer sees plans through their own agency's list. */
  async matrix(auth: AuthContext, query: MappingQuery, now: Date = new Date()): Promise<MappingMatrix> {
    requireRegionView(auth, query.regionCode);
    const [regions, plans] = await Promise.all([
      this.mappings.findRegionWithProvince(query.regionCode),
      this.mappings.findPlans(query.regionCode, query.budgetYear),
    ]);
    const region = regions.find((candidate) => candidate.code === query.regionCode);
    if (!region) throw new NotFound(REGION, query.regionCode);
    const province = region.level === 'REGENCY' ? regions.find((candidate) => candidate.code === region.provinceCode) : undefined;
    const affairs = await this.mappings.findAffairs(plans.flatMap((plan) => plan.objects.map((object) => object.affairCode)));
    return buildMappingMatrix({
      region: { code: region.code, name: region.name, level: region.level },
      province: province && { code: province.code, name: province.name, level: province.level },
      budgetYear: query.budgetYear,
      generatedAt: now,
      plans: plans.map((plan) => ({ ...plan, lineItemAmounts: plan.lineItems.map((item) => item.amount) })),
      affairs,
      includeRejected: query.includeRejected,
    });
  }

  async xlsx(auth: AuthContext, query: MappingQuery): Promise<MappingExport> {
    const matrix = await this.matrix(auth, query);
    return { fileName: mappingFileName(query.regionCode, query.budgetYear, 'xlsx'), contentType: XLSX_CONTENT_TYPE, content: await renderMappingXlsx(matrix) };
  }

  async pdf(auth: AuthContext, query: MappingQuery): Promise<MappingExport> {
    const matrix = await this.matrix(auth, query);
    return { fileName: mappingFileName(query.regionCode, query.budgetYear, 'pdf'), contentType: PDF_CONTENT_TYPE, content: await renderMappingPdf(matrix) };
  }
}
