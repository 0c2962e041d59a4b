// A change to an agreement in force (a monev report, its review, termination, an evaluation
// request): the answer replaces the page's agreement at once, keeping the plan's budget lines
// (only GET /agreements/:id carries them), then everything that shows it is read again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Agreement } from '../api/types';

export function useAgreementChange<V>(agreementId: string, action: (vars: V) => Promise<Agreement>) {
  const queryClient = useQueryClient();
  const key = ['agreement', agreementId];
  return useMutation({
    mutationFn: action,
    onSuccess: async (next) => {
      queryClient.setQueryData<Agreement>(key, (previous) => ({ ...next, planBudgetLines: next.planBudgetLines ?? previous?.planBudgetLines }));
      await queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      void queryClient.invalidateQueries({ queryKey: ['agreements'] });
    },
  });
}
