// Where the plan's lines went: each line in the region's RKPD, Renja, KUA-PPAS, RKA…,
// with its pagu, status and any flag (amendment, DPRD agreement record) explained; and
// the PDF summary of what was agreed. The documents' states show where the caller may read them.
import { useQuery } from '@tanstack/react-query';
import { documentLinesSettled } from '../../../../domain/planning-document';
import { get } from '../api/client';
import { useDownload } from '../api/download';
import { useLabel } from '../api/hooks';
import type { DocumentLine, Plan } from '../api/types';
import { ErrorMessage, QueryView } from '../components/Status';
import { kindName } from '../documents/kinds';
import { usePlanningDocuments } from '../documents/usePlanningDocuments';
import { formatRupiah } from '../format';
import { useI18n } from '../i18n/i18n';

const SETTLE_POLLS = 30;

export function DocumentLinesPanel({ plan }: { plan: Plan }) {
  const { t, pick, lang } = useI18n();
  const label = useLabel();
  // Read again on each move of the plan, and every two seconds while the sync that follows
  // the move has not written its lines yet (the RKA line comes just after COMPLETED), for
  // at most a minute, so the panel never stays one document short until a reload.
  const lines = useQuery({
    queryKey: ['plan-extra', plan.id, 'document-lines', plan.stage, plan.revision],
    queryFn: () => get<DocumentLine[]>(`/plans/${plan.id}/document-lines`),
    refetchInterval: (q) =>
      q.state.data && !documentLinesSettled(plan.stage, plan.revision, q.state.data) && q.state.dataUpdateCount < SETTLE_POLLS ? 2000 : false,
  });
  const documents = usePlanningDocuments(
    plan.regionCode,
    plan.budgetYear,
    Boolean(lines.data?.length),
    lines.data?.map((l) => l.documentId),
  );
  const stateOf = (documentId: string) => documents.data?.find((d) => d.id === documentId)?.stateName ?? '—';
  const { download, error } = useDownload();
  return (
    <section className="card" aria-labelledby="doc-lines-title">
      <h2 id="doc-lines-title">{t('documentLines')}</h2>
      <QueryView query={lines}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('noDocumentLines')}</p>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="doc-lines-title">
              <table className="doc-lines" data-testid="document-lines">
                <thead>
                  <tr>
                    <th scope="col">{t('document')}</th>
                    <th scope="col">{t('documentState')}</th>
                    <th scope="col">{t('code')}</th>
                    <th scope="col">{t('lineAmount')}</th>
                    <th scope="col">{t('lineStatus')}</th>
                    <th scope="col">{t('lineFlag')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((line) => (
                    <tr key={line.id} className={line.status === 'WITHDRAWN' ? 'withdrawn' : undefined}>
                      <td>
                        {kindName(line.documentKind)}
                        {line.agency && <span className="hint"> ({line.agency})</span>}
                      </td>
                      <td>{stateOf(line.documentId)}</td>
                      <td>
                        <code>{line.nomenclatureCode}</code>
                        <br />
                        {line.description}
                      </td>
                      <td className="num">
                        {formatRupiah(line.amount, lang)}
                        {line.ceiling !== null && (
                          <span className="hint">
                            <br />
                            {t('ceiling')} {formatRupiah(line.ceiling, lang)}
                          </span>
                        )}
                        {line.fundingSource && (
                          <span className="hint">
                            <br />
                            {label('fundingSources', line.fundingSource)}
                          </span>
                        )}
                      </td>
                      <td>{t(line.status === 'ACTIVE' ? 'lineActive' : 'lineWithdrawn')}</td>
                      <td>
                        {line.flag ? (
                          <>
                            <strong className="badge flag">{line.flag}</strong> {line.flagMessage ? pick(line.flagMessage) : ''}
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
      <button type="button" onClick={() => void download(`/plans/${plan.id}/documents-summary.pdf`, `ringkasan-dokumen-${plan.id}.pdf`)}>
        {t('downloadSummaryPdf')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
