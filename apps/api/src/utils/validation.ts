// Turns class-validator's findings into the project's bilingual violations, so a
// malformed request answers like any other rule: field, reason, message in id and en.
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { ValidationFailed } from '../../../../domain/errors';
import { text, type BilingualText } from '../../../../domain/message';
import type { Violation } from '../../../../domain/violation';

const MESSAGES: Record<string, BilingualText> = {
  isDefined: text('Wajib diisi.', 'Is required.'),
  isNotEmpty: text('Wajib diisi.', 'Is required.'),
  isString: text('Harus berupa teks.', 'Must be text.'),
  isInt: text('Harus bilangan bulat.', 'Must be a whole number.'),
  isArray: text('Harus berupa daftar.', 'Must be a list.'),
  arrayMaxSize: text('Daftar terlalu panjang.', 'The list is too long.'),
  isUuid: text('Harus berupa UUID.', 'Must be a UUID.'),
  isBoolean: text('Harus true atau false.', 'Must be true or false.'),
  isEmail: text('Harus berupa alamat surel yang valid.', 'Must be a valid e-mail address.'),
  isIn: text('Nilai tidak termasuk pilihan yang berlaku.', 'Is not one of the allowed values.'),
  isEnum: text('Nilai tidak termasuk pilihan yang berlaku.', 'Is not one of the allowed values.'),
  maxLength: text('Teks terlalu panjang.', 'The text is too long.'),
  min: text('Nilai terlalu kecil.', 'The value is too small.'),
  max: text('Nilai terlalu besar.', 'The value is too large.'),
  nestedValidation: text('Harus berupa objek.', 'Must be an object.'),
  whitelistValidation: text('Kolom ini tidak dikenal.', 'This field is not recognised.'),
};

function childPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

const NOT_NULL = text('Tidak boleh null: kirim nilainya, atau hilangkan kolom ini.', 'May not be null: send a value, or leave the field out.');

/** Optional, but never null: absent means "not given", and null is refused naming the field (not a 500 further in). */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

export function toViolations(errors: ValidationError[], parent = ''): Violation[] {
  return errors.flatMap((error) => {
    const field = childPath(parent, error.property);
    if (error.value === null && error.constraints) return [{ field, reason: 'NOT_NULL', message: NOT_NULL }];
    const own = Object.entries(error.constraints ?? {}).map(([constraint, fallback]) => ({
      field,
      reason: constraint.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(),
      message: MESSAGES[constraint] ?? text('Nilai tidak valid.', fallback),
    }));
    return [...own, ...toViolations(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    // One finding per field: a missing value is "required", not also "too long".
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationFailed(toViolations(errors)),
  });
}
