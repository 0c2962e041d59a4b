// The append-only audit trail, a page at a time, opened on request (it can be long).
import { useState } from 'react';
import { actorLabel, auditActionLabel, roleLabel } from '../../../../domain/labels';
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../api/client';
import { useLabel } from '../api/hooks';
import type { AuditTrailPage } from '../api/types';
import { Pager } from '../components/Pager';
import { QueryView } from '../components/Status';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';

export function AuditTrail({ planId, zone }: { planId: string; zone: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit')}</h2>
      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{t('open')}</summary>
        {open && <AuditPage planId={planId} zone={zone} />}
      </details>
    </section>
  );
}

function AuditPage({ planId, zone }: { planId: string; zone: string }) {
  const { t, lang, pick } = useI18n();
  const label = useLabel();
  const [page, setPage] = useState(1);
  const audit = useQuery({
    queryKey: ['plan-extra', planId, 'audit', page],
    queryFn: () => get<AuditTrailPage>(`/plans/${planId}/audit${query({ page, pageSize: 50 })}`),
  });
  return (
    <QueryView query={audit}>
      {(data) => (
        <>
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('when')}</th>
                  <th scope="col">{t('who')}</th>
                  <th scope="col">{t('action')}</th>
                  <th scope="col">{t('stage')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.occurredAt, lang, zone)}</td>
                    <td>
                      {pick(actorLabel(e.actorName))}
                      {e.actorRole && <small> ({pick(roleLabel(e.actorRole))})</small>}
                    </td>
                    <td>{pick(auditActionLabel(e.action))}</td>
                    <td>{e.toStage ? `${label('planStages', e.fromStage)} → ${label('planStages', e.toStage)}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
        </>
      )}
    </QueryView>
  );
}
