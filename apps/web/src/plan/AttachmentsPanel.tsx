// The plan's files: list and download for everyone who sees the plan; upload where the
// API allows it (officers on a draft, reviewers' notes at their stage).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, get, getBlob } from '../api/client';
import { useEnumerations, useLabel } from '../api/hooks';
import type { Attachment, Plan } from '../api/types';
import { ErrorMessage, QueryView } from '../components/Status';
import { useI18n } from '../i18n/i18n';
import { STAGE_ROLE } from '../../../../domain/access-policy';
import { draftsFor, hasRole } from '../auth/roles';
import { useUser } from '../auth/session';
import { useFlash } from '../components/Flash';
import { usePlanAction } from './usePlan';

export function AttachmentsPanel({ plan }: { plan: Plan }) {
  const { t, pick } = useI18n();
  const enums = useEnumerations();
  const label = useLabel();
  const [file, setFile] = useState<File | null>(null);
  const user = useUser();
  // Only what the API would accept is offered: the draft's files to its officers while it is a
  // draft, a review note to whoever acts at the current review stage (not the submitter).
  const role = STAGE_ROLE[plan.stage];
  const purposes =
    plan.stage === 'DRAFT'
      ? draftsFor(user, plan)
        ? (enums.data?.attachmentPurposes ?? []).filter((o) => o.code !== 'REVIEW_NOTE')
        : []
      : role && hasRole(user, role, plan.regionCode) && plan.createdBy !== user.username
        ? (enums.data?.attachmentPurposes ?? []).filter((o) => o.code === 'REVIEW_NOTE')
        : [];
  const [chosen, setPurpose] = useState('');
  const purpose = purposes.some((o) => o.code === chosen) ? chosen : (purposes[0]?.code ?? '');
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
  const flash = useFlash();
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
      {purposes.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (file) upload.mutate(undefined, { onSuccess: () => flash(`${t('uploaded')} ${file.name}`) });
          }}
        >
          <div>
            <label htmlFor="att-purpose">{t('purpose')}</label>
            <select id="att-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
              {purposes.map((o) => (
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
