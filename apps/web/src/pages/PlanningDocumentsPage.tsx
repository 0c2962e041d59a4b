// The region's planning and budget documents of a budget year: state, active lines, the
// XLSX export for SIPD entry and moving a document's state forward (Bappeda the plans,
// TAPD the budget documents, admins all; the API decides).
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../api/client';
import { useDownload } from '../api/download';
import { zoneOf } from '../api/hooks';
import type { PlanningDocument } from '../api/types';
import { currentBudgetYear, hasRole, homeRegion } from '../auth/roles';
import { useUser } from '../auth/session';
import { ErrorMessage, QueryView } from '../components/Status';
import { DOCUMENT_STATE_LABELS, DOCUMENT_STATES, documentStateRoles } from '../documents/kinds';
import { documentsKey, usePlanningDocuments } from '../documents/usePlanningDocuments';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';

export function PlanningDocumentsPage() {
  const { t } = useI18n();
  const user = useUser();
  const regionCode = homeRegion(user);
  const [budgetYear, setBudgetYear] = useState(currentBudgetYear());
  const documents = usePlanningDocuments(regionCode, budgetYear);
  const { download, error } = useDownload();
  return (
    <>
      <h1>{t('planningDocuments')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="d-year">{t('budgetYear')}</label>
          <input id="d-year" type="number" min={2020} max={2100} value={budgetYear} onChange={(e) => setBudgetYear(Number(e.target.value))} />
        </div>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
      <QueryView query={documents}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('noDocuments')}</p>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t('planningDocuments')}>
              <table className="documents">
                <thead>
                  <tr>
                    <th scope="col">{t('document')}</th>
                    <th scope="col">{t('documentState')}</th>
                    <th scope="col">{t('activeLines')}</th>
                    <th scope="col">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((d) => (
                    <DocumentRow
                      key={d.id}
                      document={d}
                      onExport={() =>
                        void download(
                          `/planning-documents/${d.id}/export.xlsx`,
                          `${d.kind}-${d.regionCode}-${d.budgetYear}${d.agency ? `-${d.agency}` : ''}.xlsx`,
                        )
                      }
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </>
  );
}

function DocumentRow({ document: d, onExport }: { document: PlanningDocument; onExport(): void }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const user = useUser();
  // Bappeda keeps the RKPD and Renja, TAPD the budget documents, admins all: the others only read.
  const keeps = documentStateRoles(d.kind as Parameters<typeof documentStateRoles>[0]).some((role) => hasRole(user, role, d.regionCode));
  const forward = DOCUMENT_STATES.slice(DOCUMENT_STATES.indexOf(d.state as (typeof DOCUMENT_STATES)[number]) + 1);
  const [chosen, setTo] = useState<string>('');
  // The choice resets once the document has moved past it.
  const to = forward.includes(chosen as (typeof forward)[number]) ? chosen : (forward[0] ?? '');
  const change = useMutation({
    mutationFn: () => post(`/planning-documents/${d.id}/state`, { state: to }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentsKey(d.regionCode, d.budgetYear) }),
  });
  const name = `${d.kindName}${d.agency ? ` (${d.agency})` : ''}`;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td data-testid="document-state">
        {d.stateName}
        {d.stateChangedAt && (
          <span className="hint">
            <br />
            {formatDateTime(d.stateChangedAt, lang, zoneOf(d.regionCode))}
          </span>
        )}
      </td>
      <td className="num">{d.activeLines ?? 0}</td>
      <td>
        <button type="button" onClick={onExport}>
          {t('exportXlsx')}
          <span className="sr-only">: {name}</span>
        </button>
        {keeps && forward.length > 0 && (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              change.mutate();
            }}
          >
            <label htmlFor={`state-${d.id}`} className="sr-only">
              {t('newState')}: {name}
            </label>
            <select id={`state-${d.id}`} value={to} onChange={(e) => setTo(e.target.value)}>
              {forward.map((s) => (
                <option key={s} value={s}>
                  {DOCUMENT_STATE_LABELS[s]}
                </option>
              ))}
            </select>
            <button type="submit" disabled={change.isPending}>
              {t('advanceState')}
              <span className="sr-only">: {name}</span>
            </button>
          </form>
        )}
        {change.error ? <ErrorMessage error={change.error} /> : null}
      </td>
    </tr>
  );
}
