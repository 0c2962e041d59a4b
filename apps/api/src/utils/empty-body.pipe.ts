// For commands that carry nothing but the caller: a body with fields is refused, so a
// client that confuses claim with reassign is told instead of silently taking the task.
import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';

@Injectable()
export class EmptyBodyPipe implements PipeTransform<unknown, Record<string, never>> {
  transform(value: unknown): Record<string, never> {
    if (value === undefined || value === null || value === '') return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new ValidationFailed([
        { field: 'body', reason: 'NOT_AN_OBJECT', message: text('Isi permintaan harus berupa objek kosong.', 'The body must be an empty object.') },
      ]);
    }
    const unknown = Object.keys(value);
    if (unknown.length > 0) {
      throw new ValidationFailed(
        unknown.map((field) => ({
          field,
          reason: 'WHITELIST_VALIDATION',
          message: text('Kolom ini tidak dikenal: tindakan ini tidak menerima isian.', 'This field is not recognised: this action takes no fields.'),
        })),
      );
    }
    return {};
  }
}
