import { PLAN_LIMITS, checkDraftFields, type PlanContent, type PlanLineItem } from './plan-content';
import { completePlanContent } from '../test/support/plan-content-fixtures';

const item = (overrides: Partial<PlanLineItem> = {}): PlanLineItem => ({
  nomenclatureCode: '1.02.02.2.01.0001',
  description: 'Pelayanan kesehatan bersama',
  amount: 250_000_000,
  ...overrides,
});

/** `[field, reason]` pairs, in the order they were reported. */
const reasons = (fields: Partial<PlanContent>) => checkDraftFields(fields).map((v) => [v.field, v.reason]);

describe('checkDraftFields', () => {
  it('accepts an empty draft: only the fields present are checked', () => {
    expect(checkDraftFields({})).toEqual([]);
  });

  it('accepts a draft holding a single valid field while the others are missing', () => {
    expect(checkDraftFields({ title: 'Judul yang sah' })).toEqual([]);
    expect(checkDraftFields({ lineItems: [] })).toEqual([]);
  });

  it('accepts a complete, valid content', () => {
    expect(checkDraftFields(completePlanContent())).toEqual([]);
  });

  describe('title', () => {
    it.each([
      ['exactly titleMin characters', 'a'.repeat(PLAN_LIMITS.titleMin)],
      ['exactly titleMax characters', 'a'.repeat(PLAN_LIMITS.titleMax)],
      ['titleMin characters once surrounding whitespace is trimmed', `   ${'a'.repeat(PLAN_LIMITS.titleMin)}   `],
      ['titleMax characters plus surrounding whitespace', ` ${'a'.repeat(PLAN_LIMITS.titleMax)} `],
    ])('accepts %s', (_, title) => {
      expect(checkDraftFields({ title })).toEqual([]);
    });

    it.each([
      ['an empty string', ''],
      ['a whitespace-only string', ' '.repeat(PLAN_LIMITS.titleMin + 3)],
      ['one character below titleMin', 'a'.repeat(PLAN_LIMITS.titleMin - 1)],
      ['titleMin-1 characters padded with whitespace', `  ${'a'.repeat(PLAN_LIMITS.titleMin - 1)}  `],
      ['one character above titleMax', 'a'.repeat(PLAN_LIMITS.titleMax + 1)],
    ])('refuses %s', (_, title) => {
      expect(reasons({ title })).toEqual([['title', 'LENGTH']]);
    });
  });

  describe('summary', () => {
    it('accepts an empty summary and one of exactly summaryMax characters', () => {
      expect(checkDraftFields({ summary: '' })).toEqual([]);
      expect(checkDraftFields({ summary: 'x'.repeat(PLAN_LIMITS.summaryMax) })).toEqual([]);
    });

    it('refuses a summary one character above summaryMax', () => {
      expect(reasons({ summary: 'x'.repeat(PLAN_LIMITS.summaryMax + 1) })).toEqual([['summary', 'LENGTH']]);
    });
  });

  describe('regionCode', () => {
    it.each(['32', '32.71', '00', '99.99'])('accepts %p', (regionCode) => {
      expect(checkDraftFields({ regionCode })).toEqual([]);
    });

    it.each(['3271', '32.7', '32.71.01', '3', '', '32.', 'AB', ' 32', '32 ', '32\n', '32,71'])('refuses %p', (regionCode) => {
      expect(reasons({ regionCode })).toEqual([['regionCode', 'FORMAT']]);
    });
  });

  describe('budgetYear', () => {
    it.each([PLAN_LIMITS.budgetYearMin, PLAN_LIMITS.budgetYearMax, 2027])('accepts %p', (budgetYear) => {
      expect(checkDraftFields({ budgetYear })).toEqual([]);
    });

    it.each([PLAN_LIMITS.budgetYearMin - 1, PLAN_LIMITS.budgetYearMax + 1, 2027.5, Number.NaN, 0, -2027])('refuses %p', (budgetYear) => {
      expect(reasons({ budgetYear })).toEqual([['budgetYear', 'RANGE']]);
    });
  });

  describe('proposingAgency', () => {
    it('accepts one character and exactly agencyMax characters (after trimming)', () => {
      expect(checkDraftFields({ proposingAgency: 'X' })).toEqual([]);
      expect(checkDraftFields({ proposingAgency: ` ${'a'.repeat(PLAN_LIMITS.agencyMax)} ` })).toEqual([]);
    });

    it.each([
      ['an empty string', ''],
      ['a whitespace-only string', '   \t '],
      ['one character above agencyMax', 'a'.repeat(PLAN_LIMITS.agencyMax + 1)],
    ])('refuses %s', (_, proposingAgency) => {
      expect(reasons({ proposingAgency })).toEqual([['proposingAgency', 'LENGTH']]);
    });
  });

  describe('lineItems', () => {
    it('accepts exactly lineItemsMax items', () => {
      expect(checkDraftFields({ lineItems: Array.from({ length: PLAN_LIMITS.lineItemsMax }, () => item()) })).toEqual([]);
    });

    it('refuses one item above lineItemsMax with a single TOO_MANY violation', () => {
      expect(reasons({ lineItems: Array.from({ length: PLAN_LIMITS.lineItemsMax + 1 }, () => item()) })).toEqual([['lineItems', 'TOO_MANY']]);
    });

    it.each(['1.02', '1.02.02', '1.02.02.2', '1.02.02.2.01', '1.02.02.2.01.0001'])('accepts nomenclature code %p', (nomenclatureCode) => {
      expect(checkDraftFields({ lineItems: [item({ nomenclatureCode })] })).toEqual([]);
    });

    it.each(['1', '1.2', '1.02.2', '1.02.02.2.01.001', '1.02.02.2.01.00001', 'A.02', '', '1.02.', '1.02.02.22', ' 1.02'])(
      'refuses nomenclature code %p',
      (nomenclatureCode) => {
        expect(reasons({ lineItems: [item({ nomenclatureCode })] })).toEqual([['lineItems[0].nomenclatureCode', 'FORMAT']]);
      },
    );

    it('accepts a description of exactly descriptionMax characters', () => {
      expect(checkDraftFields({ lineItems: [item({ description: 'd'.repeat(PLAN_LIMITS.descriptionMax) })] })).toEqual([]);
    });

    it.each([
      ['an empty description', ''],
      ['a whitespace-only description', '    '],
      ['a description one character above descriptionMax', 'd'.repeat(PLAN_LIMITS.descriptionMax + 1)],
    ])('refuses %s', (_, description) => {
      expect(reasons({ lineItems: [item({ description })] })).toEqual([['lineItems[0].description', 'LENGTH']]);
    });

    it.each([0, 1, PLAN_LIMITS.amountMax])('accepts amount %p', (amount) => {
      expect(checkDraftFields({ lineItems: [item({ amount })] })).toEqual([]);
    });

    it.each([-1, 0.5, 1000.01, Number.NaN, Number.POSITIVE_INFINITY, PLAN_LIMITS.amountMax + 1])('refuses amount %p', (amount) => {
      expect(reasons({ lineItems: [item({ amount })] })).toEqual([['lineItems[0].amount', 'RANGE']]);
    });

    it('names each violation by the index of its item', () => {
      const lineItems = [item(), item({ amount: -5 }), item({ nomenclatureCode: '1', description: ' ' })];
      expect(reasons({ lineItems })).toEqual([
        ['lineItems[1].amount', 'RANGE'],
        ['lineItems[2].nomenclatureCode', 'FORMAT'],
        ['lineItems[2].description', 'LENGTH'],
      ]);
    });

    it('reports TOO_MANY and still checks each item', () => {
      const lineItems = Array.from({ length: PLAN_LIMITS.lineItemsMax + 1 }, () => item());
      lineItems[PLAN_LIMITS.lineItemsMax] = item({ amount: 1.5 });
      expect(reasons({ lineItems })).toEqual([
        ['lineItems', 'TOO_MANY'],
        [`lineItems[${PLAN_LIMITS.lineItemsMax}].amount`, 'RANGE'],
      ]);
    });
  });

  it('reports every invalid field at once, in field order', () => {
    expect(
      reasons({
        title: 'abc',
        summary: 's'.repeat(PLAN_LIMITS.summaryMax + 1),
        regionCode: '3271',
        budgetYear: 1999,
        proposingAgency: ' ',
        lineItems: [item({ amount: -1 })],
      }),
    ).toEqual([
      ['title', 'LENGTH'],
      ['summary', 'LENGTH'],
      ['regionCode', 'FORMAT'],
      ['budgetYear', 'RANGE'],
      ['proposingAgency', 'LENGTH'],
      ['lineItems[0].amount', 'RANGE'],
    ]);
  });
});
