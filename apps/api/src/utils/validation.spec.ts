import 'reflect-metadata';
import type { ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ValidationFailed } from '../../../../domain/errors';
import { CreatePlanDto } from '../dtos/plan.dto';
import { createValidationPipe, toViolations } from './validation';

const validBody = () => ({
  title: 'Kerja sama pengelolaan sampah',
  summary: 'TPA bersama',
  regionCode: '32.71',
  budgetYear: 2027,
  proposingAgency: 'Dinas Lingkungan Hidup',
  lineItems: [
    { nomenclatureCode: '1.02.02.2.01.0001', description: 'Pengangkutan sampah', amount: 250_000_000 },
    { nomenclatureCode: '1.02', description: 'Sosialisasi', amount: 0 },
  ],
});

async function violationsOf(body: object, options = {}) {
  return toViolations(await validate(plainToInstance(CreatePlanDto, body), options));
}

describe('toViolations on CreatePlanDto', () => {
  it('gives no violation for a valid body', async () => {
    expect(await violationsOf(validBody())).toEqual([]);
  });

  it('names a nested line item field by index and property', async () => {
    const body = validBody();
    body.lineItems[1].amount = 1.5;
    expect(await violationsOf(body)).toEqual([
      { field: 'lineItems[1].amount', reason: 'IS_INT', message: { id: 'Harus bilangan bulat.', en: 'Must be a whole number.' } },
    ]);
  });

  it('reports every constraint a value breaks, in both languages', async () => {
    const body = { ...validBody(), budgetYear: '2027', lineItems: [{ nomenclatureCode: 102, description: 'x', amount: '5' }] };
    const violations = await violationsOf(body);
    expect(violations).toEqual([
      { field: 'budgetYear', reason: 'IS_INT', message: { id: 'Harus bilangan bulat.', en: 'Must be a whole number.' } },
      { field: 'lineItems[0].nomenclatureCode', reason: 'IS_STRING', message: { id: 'Harus berupa teks.', en: 'Must be text.' } },
      { field: 'lineItems[0].nomenclatureCode', reason: 'MAX_LENGTH', message: { id: 'Teks terlalu panjang.', en: 'The text is too long.' } },
      { field: 'lineItems[0].amount', reason: 'IS_INT', message: { id: 'Harus bilangan bulat.', en: 'Must be a whole number.' } },
    ]);
  });

  it('flags a line item that is not an object at its index', async () => {
    const violations = await violationsOf({ ...validBody(), lineItems: [validBody().lineItems[0], 5] });
    expect(violations).toEqual([{ field: 'lineItems[1]', reason: 'NESTED_VALIDATION', message: { id: 'Harus berupa objek.', en: 'Must be an object.' } }]);
  });

  it('flags a too-long title with MAX_LENGTH only', async () => {
    const violations = await violationsOf({ ...validBody(), title: 't'.repeat(20_001) });
    expect(violations.map((v) => [v.field, v.reason])).toEqual([['title', 'MAX_LENGTH']]);
  });

  it('accepts a body without the optional summary and line items', async () => {
    const { summary, lineItems, ...body } = validBody();
    expect(await violationsOf(body)).toEqual([]);
  });

  it('no longer takes createdBy: the creator comes from the login, so a body naming one is refused', async () => {
    const violations = await violationsOf({ ...validBody(), createdBy: 'siti.rahma' }, { whitelist: true, forbidNonWhitelisted: true });
    expect(violations).toEqual([
      { field: 'createdBy', reason: 'WHITELIST_VALIDATION', message: { id: 'Kolom ini tidak dikenal.', en: 'This field is not recognised.' } },
    ]);
  });

  it('reports an unknown property as WHITELIST_VALIDATION when non-whitelisted fields are forbidden', async () => {
    const violations = await violationsOf({ ...validBody(), stage: 'COMPLETED' }, { whitelist: true, forbidNonWhitelisted: true });
    expect(violations).toEqual([
      { field: 'stage', reason: 'WHITELIST_VALIDATION', message: { id: 'Kolom ini tidak dikenal.', en: 'This field is not recognised.' } },
    ]);
  });
});

describe('toViolations on hand-built errors', () => {
  it('falls back to a generic Indonesian message and class-validator’s English one for unknown constraints', () => {
    const errors = [{ property: 'website', constraints: { isUrl: 'website must be a URL address' }, children: [] }] as ValidationError[];
    expect(toViolations(errors)).toEqual([{ field: 'website', reason: 'IS_URL', message: { id: 'Nilai tidak valid.', en: 'website must be a URL address' } }]);
  });

  it('has its own bilingual messages for e-mail addresses and booleans', () => {
    const errors = [
      { property: 'email', constraints: { isEmail: 'email must be an email' }, children: [] },
      { property: 'active', constraints: { isBoolean: 'active must be a boolean value' }, children: [] },
    ] as ValidationError[];
    expect(toViolations(errors)).toEqual([
      { field: 'email', reason: 'IS_EMAIL', message: { id: 'Harus berupa alamat surel yang valid.', en: 'Must be a valid e-mail address.' } },
      { field: 'active', reason: 'IS_BOOLEAN', message: { id: 'Harus true atau false.', en: 'Must be true or false.' } },
    ]);
  });

  it('builds paths through several levels and accepts errors without constraints or children', () => {
    const errors = [
      {
        property: 'a',
        children: [{ property: '2', children: [{ property: 'b', constraints: { isString: 'b must be a string' } }] }],
      },
    ] as ValidationError[];
    expect(toViolations(errors).map((v) => [v.field, v.reason])).toEqual([['a[2].b', 'IS_STRING']]);
    expect(toViolations([])).toEqual([]);
  });
});

describe('createValidationPipe', () => {
  const metadata = { type: 'body' as const, metatype: CreatePlanDto, data: '' };

  it('turns class-validator findings into ValidationFailed with bilingual violations', async () => {
    const body = { ...validBody(), lineItems: [{ ...validBody().lineItems[0], amount: 'banyak' }], unknown: true };
    let error: unknown;
    try {
      await createValidationPipe().transform(body, metadata);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).violations.map((v) => [v.field, v.reason])).toEqual([
      ['unknown', 'WHITELIST_VALIDATION'],
      ['lineItems[0].amount', 'IS_INT'],
    ]);
  });

  it('returns a CreatePlanDto instance for a valid body', async () => {
    const dto = await createValidationPipe().transform(validBody(), metadata);
    expect(dto).toBeInstanceOf(CreatePlanDto);
    expect(dto).toEqual(validBody());
    expect(dto).not.toHaveProperty('createdBy');
  });

  it('refuses a body that still sends createdBy, as the old clients did', async () => {
    let error: unknown;
    try {
      await createValidationPipe().transform({ ...validBody(), createdBy: 'siti.rahma' }, metadata);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).violations.map((v) => [v.field, v.reason])).toEqual([['createdBy', 'WHITELIST_VALIDATION']]);
  });
});
