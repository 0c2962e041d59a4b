// Shared reads: reference data and the region's calendar, cached for the session.
import { useQuery } from '@tanstack/react-query';
import { regionTimeZone } from '../../../../domain/region-time-zone';
import { get } from './client';
import type { CooperationTypeRef, Enumerations, RegionCalendar, YearDaysOff } from './types';
import { useI18n } from '../i18n/i18n';

export function useEnumerations() {
  return useQuery({ queryKey: ['enumerations'], queryFn: () => get<Enumerations>('/reference/enumerations'), staleTime: Infinity });
}

export function useCooperationTypes() {
  return useQuery({ queryKey: ['cooperation-types'], queryFn: () => get<CooperationTypeRef[]>('/reference/cooperation-types'), staleTime: Infinity });
}

export function useCalendar(regionCode: string, budgetYear: number) {
  return useQuery({
    queryKey: ['calendar', regionCode, budgetYear],
    queryFn: () => get<RegionCalendar>(`/calendars/${regionCode}/${budgetYear}`),
    enabled: Boolean(regionCode),
  });
}

/** A year's days off with their source, the region's own included. */
/** A year's days off; with `regionCode`, that region's own days too (omitted: the national list). */
export function useDaysOff(year: number, regionCode?: string) {
  return useQuery({
    queryKey: ['days-off', year, regionCode ?? ''],
    queryFn: () => get<YearDaysOff>(`/calendars/days-off?year=${year}${regionCode ? `&regionCode=${encodeURIComponent(regionCode)}` : ''}`),
    enabled: regionCode !== '' && Number.isInteger(year) && year >= 1000 && year <= 9999,
  });
}

/** The label of a fixed choice (stage, funding source, …) in the user's language; the code until loaded. */
export function useLabel(): (group: keyof Enumerations, code: string | undefined | null) => string {
  const { data } = useEnumerations();
  const { pick } = useI18n();
  return (group, code) => {
    if (!code) return '';
    const option = data?.[group].find((o) => o.code === code);
    return option ? pick(option.label) : code;
  };
}

/** The IANA zone a region keeps (WIB, WITA or WIT), by the same rule the server uses. */
export function zoneOf(regionCode: string): string {
  return regionTimeZone(regionCode).iana;
}
