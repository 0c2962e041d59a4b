import { PLAN_LIMITS, checkDraftFields, checkPlanForSubmission, type PlanContent, type PlanLineItem } from './plan-content';

const item = (overrides: Partial<PlanLineItem> = {}): PlanLineItem => ({
  nomenclatureCode: '1.02.02.2.01.0001',
  description: 'Pelayanan kesehatan bersama',
  amount: 250_000_000,
  ...overrides,
});

const completeContent = (overrides: Partial<PlanContent> = {}): PlanContent => ({
  title: 'Kerja sama pengelolaan sampah',
  summary: 'TPA bersama',
  regionCode: '32.71',
  budgetYear: 2027,
  proposingAgency: 'Dinas Lingkungan Hidup',
  lineItems: [item()],
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
    expect(checkDraftFields(completeContent())).toEqual([]);
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
      expect(reasons({ lineItems: Array.from({ length: PLAN_LIMITS.lineItemsMax + 1 }, () => item()) })).toEqual([
        ['lineItems', 'TOO_MANY'],
      ]);
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

describe('checkPlanForSubmission', () => {
  it('accepts a complete plan with one line item', () => {
    expect(checkPlanForSubmission(completeContent())).toEqual([]);
  });

  it('requires at least one line item', () => {
    expect(checkPlanForSubmission(completeContent({ lineItems: [] }))).toEqual([
      {
        field: 'lineItems',
        reason: 'REQUIRED',
        message: {
          id: 'Rencana harus memuat paling sedikit satu rincian anggaran.',
          en: 'The plan needs at least one budget line item.',
        },
      },
    ]);
  });

  it('treats missing line items like an empty list', () => {
    const content = { ...completeContent(), lineItems: undefined } as unknown as PlanContent;
    expect(checkPlanForSubmission(content).map((v) => [v.field, v.reason])).toEqual([['lineItems', 'REQUIRED']]);
  });

  it('collects every violation rather than stopping at the first', () => {
    const violations = checkPlanForSubmission(
      completeContent({ title: '    ', regionCode: '32.7', budgetYear: 2101, proposingAgency: '', lineItems: [] }),
    );
    expect(violations.map((v) => [v.field, v.reason])).toEqual([
      ['title', 'LENGTH'],
      ['regionCode', 'FORMAT'],
      ['budgetYear', 'RANGE'],
      ['proposingAgency', 'LENGTH'],
      ['lineItems', 'REQUIRED'],
    ]);
  });

  it('gives every violation a non-empty message in Indonesian and English', () => {
    const violations = checkPlanForSubmission(
      completeContent({
        title: '',
        summary: 's'.repeat(PLAN_LIMITS.summaryMax + 1),
        regionCode: 'x',
        budgetYear: 1,
        proposingAgency: '',
        lineItems: Array.from({ length: PLAN_LIMITS.lineItemsMax + 1 }, () => item({ nomenclatureCode: '', description: '', amount: -1 })),
      }),
    );
    // 6 field violations + 3 per line item.
    expect(violations).toHaveLength(6 + 3 * (PLAN_LIMITS.lineItemsMax + 1));
    for (const violation of violations) {
      expect(violation.message.id.trim()).not.toBe('');
      expect(violation.message.en.trim()).not.toBe('');
      expect(violation.message.id).not.toBe(violation.message.en);
    }
  });

  it('puts the limit in the messages of range and length violations', () => {
    const [title] = checkPlanForSubmission(completeContent({ title: 'abc' }));
    expect(title.message).toEqual({
      id: `Judul harus ${PLAN_LIMITS.titleMin} sampai ${PLAN_LIMITS.titleMax} karakter.`,
      en: `The title must be ${PLAN_LIMITS.titleMin} to ${PLAN_LIMITS.titleMax} characters.`,
    });
  });
});

describe('checkPlanForSubmission of content missing required fields', () => {
  it('names each missing field as REQUIRED', () => {
    const partial = { summary: '', lineItems: [{ nomenclatureCode: '1.02', description: 'Layanan', amount: 1 }] } as unknown as PlanContent;
    const missing = checkPlanForSubmission(partial)
      .filter((v) => v.reason === 'REQUIRED')
      .map((v) => v.field);
    expect(missing).toEqual(['title', 'regionCode', 'budgetYear', 'proposingAgency']);
  });
});
