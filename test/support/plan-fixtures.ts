// Request bodies a real officer might send: the complete plan of the content fixtures.
import { completePlanContent } from './plan-content-fixtures';

export function newPlanBody(overrides: Record<string, unknown> = {}) {
  return { ...completePlanContent(), ...overrides };
}
