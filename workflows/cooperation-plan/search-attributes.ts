// The plan workflow's Temporal search attributes, so operators filter plans in their own
// tools: `temporal workflow list --query "Stage='BAPPEDA_REVIEW' AND RegionCode='32.71'"`
// or the Web UI. They must be registered on the namespace before a workflow sets them:
// `npm start` and the tests pass them to the dev server, a cluster needs the README's
// `temporal operator search-attribute create` once.
import { SearchAttributeType, defineSearchAttributeKey, type SearchAttributeUpdatePair } from '@temporalio/common';
import type { PlanStatus } from './definitions';

export const STAGE = defineSearchAttributeKey('Stage', SearchAttributeType.KEYWORD);
export const REGION_CODE = defineSearchAttributeKey('RegionCode', SearchAttributeType.KEYWORD);
export const BUDGET_YEAR = defineSearchAttributeKey('BudgetYear', SearchAttributeType.INT);
export const COOPERATION_TYPE = defineSearchAttributeKey('CooperationType', SearchAttributeType.KEYWORD);
/** The user id of the open task's assignee; absent while nobody holds it. */
export const ASSIGNEE = defineSearchAttributeKey('Assignee', SearchAttributeType.KEYWORD);

const CLI_TYPE: Partial<Record<SearchAttributeType, string>> = { [SearchAttributeType.KEYWORD]: 'Keyword', [SearchAttributeType.INT]: 'Int' };

/** `Name=Type` pairs, as `temporal server start-dev --search-attribute` takes them. */
export const PLAN_SEARCH_ATTRIBUTES: readonly string[] = [STAGE, REGION_CODE, BUDGET_YEAR, COOPERATION_TYPE, ASSIGNEE].map(
  (key) => `${key.name}=${CLI_TYPE[key.type]}`,
);

/** The values a plan's status gives its search attributes (null removes one). */
export function searchAttributesOf(status: PlanStatus): SearchAttributeUpdatePair[] {
  const content = status.submission?.content;
  return [
    { key: STAGE, value: status.stage },
    { key: REGION_CODE, value: content?.regionCode ?? null },
    { key: BUDGET_YEAR, value: content?.budgetYear ?? null },
    { key: COOPERATION_TYPE, value: content?.cooperationType ?? null },
    { key: ASSIGNEE, value: status.task?.assignee?.userId ?? null },
  ];
}
