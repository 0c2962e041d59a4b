// A region as people read it: its Kemendagri code beside its name ("32.71 Kota Bogor"), the
// code alone until the name is known (or when the code names no region).
import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client';
import type { Region } from '../api/types';

export function useRegionName(code: string | null | undefined): string | undefined {
  const region = useQuery({
    queryKey: ['region', code],
    queryFn: () => get<Region>(`/reference/regions/${encodeURIComponent(code!)}`),
    enabled: Boolean(code && /^\d{2}(\.\d{2}){0,3}$/.test(code)),
    staleTime: Infinity,
    retry: false,
  });
  return region.data?.name;
}

export function regionText(code: string, name: string | undefined): string {
  return name ? `${code} ${name}` : code;
}

export function RegionLabel({ code }: { code: string }) {
  return <span data-testid="region-label">{regionText(code, useRegionName(code))}</span>;
}

/** A region in a select: "32.71 Kota Bogor", its value the code. */
export function RegionOption({ code }: { code: string }) {
  return <option value={code}>{regionText(code, useRegionName(code))}</option>;
}
