// A cursor the client sent back: decoded, or refused as bad input naming the field.
import { ValidationFailed } from '../domain/errors';
import { text } from '../domain/message';
import { decodeCursor, type KeyValue, type Keyset } from './keyset';

export function decodeCursorOrRefuse(keyset: Keyset, cursor: string): KeyValue[] {
  const values = decodeCursor(keyset, cursor);
  if (values) return values;
  throw new ValidationFailed([
    {
      field: 'cursor',
      reason: 'INVALID_CURSOR',
      message: text(
        'Kursor halaman tidak dikenal: gunakan nextCursor dari halaman sebelumnya dengan urutan yang sama.',
        'Unknown page cursor: use the nextCursor of the previous page with the same sort.',
      ),
    },
  ]);
}
