// The register of the caller's region's cooperation agreements (KB, PKS; PP 28/2018 Pasal 7
// and 12, Permendagri 22/2020): status filter in the URL, keyset pages, the XLSX export.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { get, query } from '../api/client';
import { useDownload } from '../api/download';
import type { AgreementPage } from '../api/types';
import { RegionLabel } from '../components/RegionLabel';
import { ErrorMessage, QueryView } from '../components/Status';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

const STATUSES: Record<string, MessageKey> = {
  active: 'agreementStatusActive',
  expiring: 'agreementStatusExpiring',
  expired: 'agreementStatusExpired',
  ended: 'agreementStatusEnded',
};

export function AgreementsPage() {
  const { t, pick, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  // Keyset paging: the cursors of the pages before this one, to go back.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const { download, error } = useDownload();
  const agreements = useQuery({
    queryKey: ['agreements', status, cursor ?? ''],
    queryFn: () => get<AgreementPage>(`/agreements${query({ status, cursor, pageSize: 20 })}`),
  });
  return (
    <>
      <h1>{t('agreementsTitle')}</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="f-status">{t('agreementStatus')}</label>
          <select
            id="f-status"
            value={status}
            onChange={(e) => {
              setCursors([]);
              setParams(e.target.value ? { status: e.target.value } : {});
            }}
          >
            <option value="">{t('all')}</option>
            {Object.entries(STATUSES).map(([code, key]) => (
              <option key={code} value={code}>
                {t(key)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="button" onClick={() => void download(`/agreements/export.xlsx${query({ status })}`, 'register-kerja-sama.xlsx')}>
            {t('downloadXlsx')}
          </button>
        </div>
      </form>
      {error && <ErrorMessage error={error} />}
      <QueryView query={agreements}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('noAgreements')}</p>
          ) : (
            <>
              <div className="table-wrap">
                <table data-testid="agreement-register">
                  <thead>
                    <tr>
                      <th scope="col">{t('title')}</th>
                      <th scope="col">{t('agreementStage')}</th>
                      <th scope="col">{t('agency')}</th>
                      <th scope="col">{t('region')}</th>
                      <th scope="col">{t('budgetYear')}</th>
                      <th scope="col">PKS</th>
                      <th scope="col">{t('termEnd')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((a) => (
                      <tr key={a.id}>
                        <td>
                          <Link to={`/agreements/${a.id}`}>{a.title}</Link>
                        </td>
                        <td title={pick(a.stageBasis)}>{pick(a.stageLabel)}</td>
                        <td>{a.owningAgency}</td>
                        <td>
                          <RegionLabel code={a.regionCode} />
                        </td>
                        <td>{a.budgetYear}</td>
                        <td>{a.pksNumber ?? '—'}</td>
                        <td>{a.endsOn ? formatDate(a.endsOn, lang) : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="actions">
                <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
                  {t('previous')}
                </button>
                <button type="button" disabled={!data.nextCursor} onClick={() => data.nextCursor && setCursors([...cursors, data.nextCursor])}>
                  {t('next')}
                </button>
              </div>
            </>
          )
        }
      </QueryView>
    </>
  );
}
