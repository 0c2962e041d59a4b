// The region's planning documents of one budget year (region-wide roles only).
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../api/client';
import type { PlanningDocument } from '../api/types';

export const documentsKey = (regionCode: string, budgetYear: number) => ['planning-documents', regionCode, budgetYear];

/** `expected`: ids the caller knows of (e.g. from a plan's lines); a new one asks again rather than reading a stale list. */
export function usePlanningDocuments(regionCode: string, budgetYear: number, enabled = true, expected: string[] = []) {
  return useQuery({
    queryKey: [...documentsKey(regionCode, budgetYear), [...new Set(expected)].sort().join(',')],
    queryFn: () => get<PlanningDocument[]>(`/planning-documents${query({ regionCode, budgetYear })}`),
    enabled: enabled && Boolean(regionCode),
    retry: false,
  });
}
