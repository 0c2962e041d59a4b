// The agreement's obligations, read once for the panel and the timeline (one query key).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get } from '../api/client';
import type { components } from '../api/schema';

export type Obligation = components['schemas']['AgreementObligationDto'];

const obligationsKey = (agreementId: string) => ['agreement', agreementId, 'obligations'];

export function useAgreementObligations(agreementId: string) {
  return useQuery({ queryKey: obligationsKey(agreementId), queryFn: () => get<Obligation[]>(`/agreements/${agreementId}/obligations`) });
}

/** Recording or fulfilling one: afterwards the list is read again. */
export function useObligationAction<V>(agreementId: string, action: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: action, onSuccess: () => queryClient.invalidateQueries({ queryKey: obligationsKey(agreementId) }) });
}
