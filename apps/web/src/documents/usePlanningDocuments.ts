// The region's planning documents of one budget year (region-wide roles only).
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../api/client';
import type { PlanningDocument } from '../api/types';

export const documentsKey = (regionCode: string, budgetYear: number) => ['planning-documents', regionCode, budgetYear];

export function usePlanningDocuments(regionCode: string, budgetYear: number, enabled = true) {
  return useQuery({
    queryKey: documentsKey(regionCode, budgetYear),
    queryFn: () => get<PlanningDocument[]>(`/planning-documents${query({ regionCode, budgetYear })}`),
    enabled: enabled && Boolean(regionCode),
    retry: false,
  });
}
