import type { BilingualText } from './message';

/** One reason a piece of input was refused, tied to the field it concerns. */
export interface Violation {
  /** Path of the field, e.g. `lineItems[2].amount`. */
  field: string;
  /** Stable machine-readable reason, e.g. `REQUIRED`. */
  reason: string;
  message: BilingualText;
}
