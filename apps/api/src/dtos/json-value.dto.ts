import { ApiProperty } from '@nestjs/swagger';

// OpenAPI 3.0 has no "any" type and `nullable` needs a `type` beside it, so null rides on
// the object alternative.
const ANY_JSON_OR_NULL = [
  { type: 'string' },
  { type: 'number' },
  { type: 'boolean' },
  { type: 'object', additionalProperties: true, nullable: true },
  { type: 'array', items: {} },
];

/**
 * A property holding any JSON value or null, as recorded (an audit entry's before and
 * after, a revision's changed field). `type: Array` is how Nest's generator is told to
 * leave `type` out beside `anyOf`.
 */
export const ApiJsonValueProperty = (description: string) => ApiProperty({ type: Array, anyOf: ANY_JSON_OR_NULL, description });
