// The agreement's documents (KB, PKS): read from the API, refreshed after every change.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get } from '../api/client';
import type { components } from '../api/schema';

export type AgreementDocuments = components['schemas']['AgreementDocumentsResponseDto'];
export type DocumentVersion = components['schemas']['DocumentVersionResponseDto'];

export const documentsKey = (agreementId: string) => ['agreement', agreementId, 'documents'];

export function useAgreementDocuments(agreementId: string) {
  return useQuery({ queryKey: documentsKey(agreementId), queryFn: () => get<AgreementDocuments[]>(`/agreements/${agreementId}/documents`) });
}

/** A change to the documents: afterwards the list (and the agreement, whose signing may rest on it) is read again. */
export function useDocumentsAction<V, R>(agreementId: string, action: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['agreement', agreementId] }),
  });
}
