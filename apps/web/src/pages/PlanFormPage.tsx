// The officer's plan form: create or edit a draft, save it half-done, see the rules it
// breaks inline (GET /plans/:id/check), and submit. What was typed is kept in state
// until the server accepts it, so a refusal never loses work.
import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ApiError, get, patch, post } from '../api/client';
import type { Plan, PlanCheck, PlanContent } from '../api/types';
import { currentBudgetYear } from '../auth/roles';
import { useUser } from '../auth/session';
import { zoneOf } from '../api/hooks';
import { useFlash } from '../components/Flash';
import { ErrorMessage, Loading } from '../components/Status';
import { formatDateTime } from '../format';
import { useDraftRecovery } from '../plan/form/useDraftRecovery';
import { useI18n } from '../i18n/i18n';
import { ViolationsContext, type ViolationMap } from '../plan/form/fields';
import { CostSection, GeneralSection, KakSection, ObjectsSection, TypeSection } from '../plan/form/sections';
import { CheckPanel } from '../plan/form/CheckPanel';

const CONTENT_KEYS: Array<keyof PlanContent> = [
  'title',
  'summary',
  'regionCode',
  'budgetYear',
  'proposingAgency',
  'cooperationType',
  'ksdpkKind',
  'initiator',
  'partners',
  'objects',
  'termsOfReference',
  'feasibilityStudy',
  'plannedDurationMonths',
  'fundingSource',
  'burdensCommunity',
  'multiYear',
  'lineItems',
];

const contentOf = (plan: Plan): PlanContent =>
  Object.fromEntries(CONTENT_KEYS.filter((k) => plan[k] !== undefined && plan[k] !== null).map((k) => [k, plan[k]])) as unknown as PlanContent;

export function PlanFormPage() {
  const { id } = useParams();
  const existing = useQuery({ queryKey: ['plan', id], queryFn: () => get<Plan>(`/plans/${id}`), enabled: Boolean(id) });
  if (id && existing.isPending) return <Loading />;
  if (id && existing.error) return <ErrorMessage error={existing.error} onRetry={() => void existing.refetch()} />;
  return <PlanForm key={id ?? 'new'} plan={existing.data} />;
}

function PlanForm({ plan }: { plan?: Plan }) {
  const user = useUser();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const officerGrant = user.grants.find((g) => g.role === 'OFFICER');
  const [draft, setDraft] = useState<PlanContent>(
    () =>
      (plan && contentOf(plan)) ?? {
        title: '',
        regionCode: officerGrant?.regionCode ?? '',
        budgetYear: currentBudgetYear(),
        proposingAgency: officerGrant?.agency ?? '',
        partners: [],
        objects: [],
        lineItems: [],
      },
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const planId = plan?.id;
  const flash = useFlash();
  const recovery = useDraftRecovery(user.id, planId, draft);
  const check = useQuery({ queryKey: ['plan-check', planId], queryFn: () => get<PlanCheck>(`/plans/${planId}/check`), enabled: Boolean(planId) });

  // A save's own refusals (400) and the rule check's violations both mark their fields.
  const violations = useMemo(() => {
    const map: ViolationMap = {};
    const list = [...(error instanceof ApiError ? error.violations : []), ...(check.data?.violations ?? [])];
    for (const v of list) (map[v.field] ??= []).push(v.message);
    return map;
  }, [error, check.data]);

  const update = (change: Partial<PlanContent>) => setDraft((d) => ({ ...d, ...change }));

  const save = async (): Promise<string | null> => {
    setBusy(true);
    setError(null);
    const sent = draft;
    try {
      const result = planId ? await patch<Plan>(`/plans/${planId}`, sent) : await post<Plan>('/plans', sent);
      queryClient.setQueryData(['plan', result.id], result);
      await queryClient.invalidateQueries({ queryKey: ['plan-check', result.id] });
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      recovery.markSaved(sent, result.id);
      // Said on the draft's own page, which a first save moves to.
      flash(t('saved'), `/plans/${result.id}/edit`);
      if (!planId) void navigate(`/plans/${result.id}/edit`, { replace: true });
      return result.id;
    } catch (e) {
      setError(e);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const saveAndSubmit = async () => {
    const savedId = await save();
    if (!savedId) return;
    setBusy(true);
    try {
      await post(`/plans/${savedId}/submit`);
      await queryClient.invalidateQueries({ queryKey: ['plan', savedId] });
      void navigate(`/plans/${savedId}`);
    } catch (e) {
      setError(e);
      void queryClient.invalidateQueries({ queryKey: ['plan-check', savedId] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{plan ? t('formEditTitle') : t('formNewTitle')}</h1>
      {recovery.offered && (
        <div className="card warning recovery" role="region" aria-labelledby="recovery-title" data-testid="draft-recovery">
          <h2 id="recovery-title">{t('recoveryTitle')}</h2>
          <p>
            {t('recoveryText')} {formatDateTime(recovery.offered.keptAt, lang, zoneOf(draft.regionCode || '32'))}.
          </p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setDraft(recovery.offered!.draft);
                recovery.settleOffer(false);
              }}
            >
              {t('recoveryRestore')}
            </button>
            <button type="button" onClick={() => recovery.settleOffer(true)}>
              {t('recoveryDiscard')}
            </button>
          </div>
        </div>
      )}
      <ViolationsContext.Provider value={violations}>
        <form
          className="plan-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="form-columns">
            <div>
              <GeneralSection draft={draft} update={update} />
              <TypeSection draft={draft} update={update} />
              <ObjectsSection draft={draft} update={update} />
              <KakSection draft={draft} update={update} />
              <CostSection draft={draft} update={update} />
            </div>
            <aside className="form-aside">
              {planId && <CheckPanel query={check} />}
              {error !== null && <ErrorMessage error={error} />}
              {recovery.dirty && <p className="hint">{t('unsavedChanges')}</p>}
              <div className="actions sticky-actions">
                <button type="submit" disabled={busy}>
                  {t('saveDraft')}
                </button>
                <button type="button" className="primary" disabled={busy} onClick={() => void saveAndSubmit()}>
                  {t('submit')}
                </button>
              </div>
            </aside>
          </div>
        </form>
      </ViolationsContext.Provider>
    </>
  );
}
