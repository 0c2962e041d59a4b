// A plan and the actions on it; every action refreshes the plan and the lists.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get } from '../api/client';
import type { Plan } from '../api/types';

export const planKey = (id: string) => ['plan', id];

export function usePlan(id: string) {
  // While the workflow moves on its own (the RKPD sync, loading the TKKSD panel), poll
  // until a person can act.
  return useQuery({
    queryKey: planKey(id),
    queryFn: () => get<Plan>(`/plans/${id}`),
    refetchInterval: (q) => (q.state.data && isSettling(q.state.data) ? 1000 : false),
  });
}

function isSettling(plan: Plan): boolean {
  if (plan.stage === 'DOCUMENT_SYNC') return true;
  return plan.stage === 'TKKSD_DELIBERATION' && plan.deliberation?.revision !== plan.revision;
}

/** A mutation that refreshes the plan and everything listed after it succeeds. */
export function usePlanAction<V>(planId: string, action: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: planKey(planId) });
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      void queryClient.invalidateQueries({ queryKey: ['plan-extra', planId] });
    },
  });
}
