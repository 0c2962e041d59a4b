// After a COMPLETED plan: its cooperation agreement (KB, PKS; PP 28/2018 Pasal 7 and 12).
// The region's secretariat starts it; once it exists, everyone who sees the plan gets a link.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get, post, query } from '../api/client';
import type { Agreement, AgreementPage, Plan } from '../api/types';
import { hasRole } from '../auth/roles';
import { useUser } from '../auth/session';
import { ErrorMessage } from '../components/Status';
import { useI18n } from '../i18n/i18n';

export function AgreementLink({ plan }: { plan: Plan }) {
  const user = useUser();
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const key = ['plan-agreement', plan.id];
  const found = useQuery({ queryKey: key, queryFn: () => get<AgreementPage>(`/agreements${query({ planId: plan.id, pageSize: 1 })}`) });
  const start = useMutation({
    mutationFn: () => post<Agreement>(`/plans/${plan.id}/agreement`),
    onSuccess: async (agreement) => {
      await queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['agreements'] });
      void navigate(`/agreements/${agreement.id}`);
    },
  });
  const agreement = found.data?.items[0];
  const starts = !agreement && found.isSuccess && hasRole(user, 'SECRETARIAT', plan.regionCode);
  if (!agreement && !starts) return null;
  return (
    <section className="card" aria-labelledby="agreement-title">
      <h2 id="agreement-title">{t('agreementLabel')}</h2>
      {agreement ? (
        <p>
          <Link to={`/agreements/${agreement.id}`} data-testid="agreement-link">
            {t('openAgreement')}
          </Link>{' '}
          · {pick(agreement.stageLabel)}
        </p>
      ) : (
        <>
          <p className="hint">{t('startAgreementHint')}</p>
          <button type="button" className="primary" disabled={start.isPending} onClick={() => start.mutate()}>
            {start.isPending ? t('sending') : t('startAgreement')}
          </button>
        </>
      )}
      {start.error && <ErrorMessage error={start.error} />}
    </section>
  );
}
