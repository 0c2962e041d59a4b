// The secretariat's actions on an agreement in force (PP 28/2018; Permendagri 22/2020): open
// its evaluation on request, or end it before its term with a reason, confirmed first.
import { useState } from 'react';
import { post } from '../api/client';
import type { Agreement } from '../api/types';
import { hasRole } from '../auth/roles';
import { useUser } from '../auth/session';
import { useFlash } from '../components/Flash';
import { ErrorMessage } from '../components/Status';
import { useI18n } from '../i18n/i18n';
import { ConfirmDialog } from '../plan/DecisionForm';
import { MONEV_TEXT as M } from './monev-texts';
import { useAgreementChange } from './useAgreementChange';

export function InForceActions({ agreement: a }: { agreement: Agreement }) {
  const user = useUser();
  const { pick } = useI18n();
  const flash = useFlash();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const evaluate = useAgreementChange(a.id, (comment: string) => post<Agreement>(`/agreements/${a.id}/evaluation-request`, comment ? { comment } : {}));
  const terminate = useAgreementChange(a.id, (why: string) => post<Agreement>(`/agreements/${a.id}/terminate`, { reason: why }));
  if (a.stage !== 'IMPLEMENTATION' || !hasRole(user, 'SECRETARIAT', a.regionCode)) return null;
  return (
    <section className="card" aria-labelledby="in-force-title" data-testid="in-force-actions">
      <h2 id="in-force-title">{pick(M.inForceTitle)}</h2>
      <p className="hint">{pick(M.inForceBasis)}</p>
      <form
        className="decision"
        onSubmit={(e) => {
          e.preventDefault();
          evaluate.mutate(note.trim(), { onSuccess: () => flash(pick(M.evaluationRequested)) });
        }}
      >
        <label htmlFor="evaluation-note">{pick(M.evaluationComment)}</label>
        <textarea id="evaluation-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        {evaluate.error && <ErrorMessage error={evaluate.error} />}
        <button type="submit" disabled={evaluate.isPending}>
          {evaluate.isPending ? pick(M.sending) : pick(M.requestEvaluation)}
        </button>
      </form>
      <form
        className="decision"
        onSubmit={(e) => {
          e.preventDefault();
          const missing = !reason.trim();
          setReasonMissing(missing);
          if (!missing) setConfirming(true);
        }}
      >
        <label htmlFor="terminate-reason">{pick(M.terminateReason)}</label>
        <textarea id="terminate-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        {reasonMissing && <p className="field-error">{pick(M.reasonRequired)}</p>}
        {terminate.error && <ErrorMessage error={terminate.error} />}
        <button type="submit" disabled={terminate.isPending}>
          {pick(M.terminate)}
        </button>
        {confirming && (
          <ConfirmDialog
            title={pick(M.terminateConfirmTitle)}
            confirmLabel={terminate.isPending ? pick(M.sending) : pick(M.terminateConfirm)}
            busy={terminate.isPending}
            onConfirm={() =>
              terminate.mutate(reason.trim(), {
                onSuccess: () => {
                  setConfirming(false);
                  flash(`${pick(M.terminated)} · ${a.title}`);
                },
                onError: () => setConfirming(false),
              })
            }
            onCancel={() => setConfirming(false)}
          >
            <p>
              {a.title}: {reason.trim()}
            </p>
          </ConfirmDialog>
        )}
      </form>
    </section>
  );
}
