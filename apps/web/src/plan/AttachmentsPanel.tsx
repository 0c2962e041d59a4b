// The plan's files: list and download for everyone who sees the plan; upload where the
// API allows it (officers on a draft, reviewers' notes at their stage).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, get, getBlob } from '../api/client';
import { useEnumerations, useLabel } from '../api/hooks';
import type { Attachment, Plan } from '../api/types';
import { ErrorMessage, QueryView } from '../components/Status';
import { useI18n } from '../i18n/i18n';
import { usePlanAction } from './usePlan';

export function AttachmentsPanel({ plan }: { plan: Plan }) {
  const { t, pick } = useI18n();
  const enums = useEnumerations();
  const label = useLabel();
  const [file, setFile] = useState<File | null>(null);
  const [purpose, setPurpose] = useState(plan.stage === 'DRAFT' ? 'SUPPORTING_DOCUMENT' : 'REVIEW_NOTE');
  const list = useQuery({ queryKey: ['plan-extra', plan.id, 'attachments'], queryFn: () => get<Attachment[]>(`/plans/${plan.id}/attachments`) });
  const upload = usePlanAction(plan.id, () => {
    const form = new FormData();
    form.set('purpose', purpose);
    form.set('file', file as File);
    return api('POST', `/plans/${plan.id}/attachments`, form);
  });
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const download = async (a: Attachment) => {
    // The download needs the token, so fetch it and hand the browser a blob.
    setDownloadError(null);
    try {
      const url = URL.createObjectURL(await getBlob(`/plans/${plan.id}/attachments/${a.id}`));
      const link = Object.assign(document.createElement('a'), { href: url, download: a.fileName });
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setDownloadError(error);
    }
  };
  const finished = plan.stage === 'COMPLETED' || plan.stage === 'REJECTED' || plan.stage === 'DOCUMENT_SYNC';
  return (
    <section className="card" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('attachments')}</h2>
      <QueryView query={list}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('noAttachments')}</p>
          ) : (
            <ul>
              {items.map((a) => (
                <li key={a.id}>
                  <button type="button" className="link" onClick={() => void download(a)}>
                    {a.fileName}
                  </button>{' '}
                  ({label('attachmentPurposes', a.purpose)}, {Math.ceil(a.sizeBytes / 1024)} KB, {a.uploadedBy})
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      {downloadError !== null && <ErrorMessage error={downloadError} />}
      {!finished && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (file) upload.mutate(undefined);
          }}
        >
          <div>
            <label htmlFor="att-purpose">{t('purpose')}</label>
            <select id="att-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
              {enums.data?.attachmentPurposes.map((o) => (
                <option key={o.code} value={o.code}>
                  {pick(o.label)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="att-file">{t('file')}</label>
            <input id="att-file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <button type="submit" disabled={!file || upload.isPending}>
            {t('upload')}
          </button>
          {upload.error && <ErrorMessage error={upload.error} />}
        </form>
      )}
    </section>
  );
}
