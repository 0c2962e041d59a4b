// Searchable pickers over the reference data: type a code or a name, pick a suggestion.
import { useEffect, useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../../api/client';
import type { GovernmentAffair, Region } from '../../api/types';
import { isAutonomousRegion } from '../../../../../domain/region-autonomy';
import { TextField } from './fields';

/** The value once the user has stopped typing for a moment, so a picker does not query every keystroke. */
function useDebounced(value: string): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const handle = setTimeout(() => setDebounced(value), 250);
    return () => clearTimeout(handle);
  }, [value]);
  return debounced;
}

export function AffairPicker({ path, label, value, onChange }: { path: string; label: string; value: string; onChange(code: string): void }) {
  const listId = useId();
  const q = useDebounced(value);
  const affairs = useQuery({
    queryKey: ['affairs', q],
    queryFn: () => get<GovernmentAffair[]>(`/reference/government-affairs${query({ q })}`),
    staleTime: Infinity,
  });
  return (
    <>
      <TextField path={path} label={label} value={value} onChange={onChange} list={listId} />
      <datalist id={listId}>
        {affairs.data
          ?.filter((a) => a.allowedAsObject)
          .slice(0, 50)
          .map((a) => (
            <option key={`${a.code}@${a.nomenclatureVersion}`} value={a.code}>
              {a.code} {a.name}
            </option>
          ))}
      </datalist>
    </>
  );
}

export function RegionPicker({ path, label, value, onChange }: { path: string; label: string; value: string; onChange(code: string): void }) {
  const listId = useId();
  const q = useDebounced(value);
  const regions = useQuery({
    queryKey: ['regions', q],
    queryFn: () => get<Region[]>(`/reference/regions${query({ q })}`),
    enabled: q.length >= 2,
    staleTime: Infinity,
  });
  return (
    <>
      <TextField path={path} label={label} value={value} onChange={onChange} list={listId} />
      <datalist id={listId}>
        {/* Jakarta's administrative cities and regency are not autonomous regions: never offered as parties (PP 28/2018). */}
        {regions.data
          ?.filter((r) => isAutonomousRegion(r.code))
          .slice(0, 50)
          .map((r) => (
            <option key={r.code} value={r.code}>
              {r.code} {r.name}
            </option>
          ))}
      </datalist>
    </>
  );
}
