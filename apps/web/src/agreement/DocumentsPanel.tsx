// The agreement's KB and PKS: each document's draft versions (file, size, pages, uploader,
// date, summary), the reviewers' comments on each, its signed copy, and a side-by-side
// comparison of two versions' metadata. Upload and comment forms appear only to whom the
// API would accept them from (domain/agreement-document.ts); the API decides.
import { useState } from 'react';
import { AGREEMENT_DOCUMENT_LABELS, DOCUMENT_COMMENTERS, DRAFT_UPLOADERS, type AgreementDocument } from '../../../../domain/agreement-document';
import type { AgreementStage } from '../../../../domain/agreement-stage';
import { api, getBlob, post } from '../api/client';
import { zoneOf } from '../api/hooks';
import type { Agreement } from '../api/types';
import { hasRole } from '../auth/roles';
import { useUser } from '../auth/session';
import { useFlash } from '../components/Flash';
import { ErrorMessage, QueryView } from '../components/Status';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { DOC_TEXT } from './texts';
import { useAgreementDocuments, useDocumentsAction, type AgreementDocuments, type DocumentVersion } from './useAgreementDocuments';
import { VersionComparison, versionName } from './VersionComparison';

export function DocumentsPanel({ agreement: a }: { agreement: Agreement }) {
  const { pick } = useI18n();
  const documents = useAgreementDocuments(a.id);
  return (
    <section className="card" aria-labelledby="documents-title" data-testid="agreement-documents">
      <h2 id="documents-title">{pick(DOC_TEXT.documentsTitle)}</h2>
      <p className="hint">{pick(DOC_TEXT.documentsBasis)}</p>
      <QueryView query={documents}>
        {(list) => (
          <>
            {list.map((doc) => (
              <DocumentSection key={doc.document} agreement={a} doc={doc} />
            ))}
          </>
        )}
      </QueryView>
    </section>
  );
}

async function download(agreementId: string, v: DocumentVersion) {
  const url = URL.createObjectURL(await getBlob(`/agreements/${agreementId}/documents/versions/${v.id}/file`));
  const link = Object.assign(document.createElement('a'), { href: url, download: v.fileName });
  link.click();
  URL.revokeObjectURL(url);
}

function DocumentSection({ agreement: a, doc }: { agreement: Agreement; doc: AgreementDocuments }) {
  const { pick, lang } = useI18n();
  const user = useUser();
  const zone = zoneOf(a.regionCode);
  const kind = doc.document as AgreementDocument;
  const uploaderRole = DRAFT_UPLOADERS[kind][a.stage as AgreementStage];
  const mayUpload = Boolean(uploaderRole && hasRole(user, uploaderRole, a.regionCode));
  const signed = Boolean(kind === 'KB' ? a.kbNumber : a.pksNumber);
  const mayComment = !signed && DOCUMENT_COMMENTERS.some((role) => hasRole(user, role, a.regionCode));
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const fetchFile = (v: DocumentVersion) => {
    setDownloadError(null);
    download(a.id, v).catch(setDownloadError);
  };
  const titleId = `doc-${kind}-title`;
  return (
    <section className="document-section" aria-labelledby={titleId} data-testid={`document-${kind}`}>
      <h3 id={titleId}>{pick(AGREEMENT_DOCUMENT_LABELS[kind])}</h3>
      <h4>{pick(DOC_TEXT.drafts)}</h4>
      {doc.drafts.length === 0 ? (
        <p>{pick(DOC_TEXT.noDrafts)}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={`${pick(DOC_TEXT.drafts)} ${kind}`}>
          <table data-testid={`drafts-${kind}`}>
            <thead>
              <tr>
                <th scope="col">{pick(DOC_TEXT.version)}</th>
                <th scope="col">{pick(DOC_TEXT.file)}</th>
                <th scope="col">{pick(DOC_TEXT.size)}</th>
                <th scope="col">{pick(DOC_TEXT.pages)}</th>
                <th scope="col">{pick(DOC_TEXT.uploader)}</th>
                <th scope="col">{pick(DOC_TEXT.uploadedAt)}</th>
                <th scope="col">{pick(DOC_TEXT.summary)}</th>
              </tr>
            </thead>
            <tbody>
              {doc.drafts.map((v) => (
                <tr key={v.id} data-version={v.version}>
                  <td>{v.version}</td>
                  <td>
                    <button type="button" className="link" onClick={() => fetchFile(v)}>
                      {v.fileName}
                    </button>
                  </td>
                  <td>{(v.sizeBytes / 1024).toFixed(1)} KB</td>
                  <td>{v.pageCount ?? '—'}</td>
                  <td>{v.uploaderName}</td>
                  <td>{formatDateTime(v.createdAt, lang, zone)}</td>
                  <td>{v.summary ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {doc.drafts.some((v) => v.comments.length > 0) && (
        <>
          <h4>{pick(DOC_TEXT.comments)}</h4>
          <ul className="version-comments" data-testid={`comments-${kind}`}>
            {doc.drafts.flatMap((v) =>
              v.comments.map((c) => (
                <li key={c.id}>
                  <strong>
                    {versionName(v, pick)} · {c.authorName}
                  </strong>{' '}
                  <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, lang, zone)}</time>
                  <blockquote>{c.body}</blockquote>
                </li>
              )),
            )}
          </ul>
        </>
      )}
      {mayComment && doc.drafts.length > 0 && <CommentForm agreementId={a.id} kind={kind} versions={doc.drafts} />}
      {mayUpload && <DraftUploadForm agreementId={a.id} kind={kind} />}
      <h4>{pick(DOC_TEXT.signedCopy)}</h4>
      {doc.signedCopies.length === 0 ? (
        <p>{pick(DOC_TEXT.noSignedCopy)}</p>
      ) : (
        <ul data-testid={`signed-${kind}`}>
          {doc.signedCopies.map((v) => (
            <li key={v.id} data-status={v.status}>
              <button type="button" className="link" onClick={() => fetchFile(v)}>
                {v.fileName}
              </button>{' '}
              · {v.number} · {v.signedOn ? formatDate(v.signedOn, lang) : ''} · {(v.signatories ?? []).join(', ')} · {v.uploaderName} ·{' '}
              <span className="badge">{pick(DOC_TEXT[`status${v.status ?? 'PENDING'}`])}</span>
            </li>
          ))}
        </ul>
      )}
      {downloadError !== null && <ErrorMessage error={downloadError} />}
      <VersionComparison document={kind} versions={[...doc.drafts, ...doc.signedCopies]} timeZone={zone} />
    </section>
  );
}

function CommentForm({ agreementId, kind, versions }: { agreementId: string; kind: AgreementDocument; versions: DocumentVersion[] }) {
  const { pick } = useI18n();
  const flash = useFlash();
  const [versionId, setVersionId] = useState(versions.at(-1)!.id);
  const [body, setBody] = useState('');
  const send = useDocumentsAction(agreementId, () => post(`/agreements/${agreementId}/documents/versions/${versionId}/comments`, { body: body.trim() }));
  return (
    <form
      className="doc-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim())
          send.mutate(undefined, {
            onSuccess: () => {
              setBody('');
              flash(pick(DOC_TEXT.commented));
            },
          });
      }}
    >
      <div>
        <label htmlFor={`comment-version-${kind}`}>{pick(DOC_TEXT.commentOn)}</label>
        <select id={`comment-version-${kind}`} value={versionId} onChange={(e) => setVersionId(e.target.value)}>
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              {versionName(v, pick)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`comment-body-${kind}`}>{pick(DOC_TEXT.addComment)}</label>
        <textarea id={`comment-body-${kind}`} rows={2} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      <button type="submit" disabled={!body.trim() || send.isPending}>
        {pick(DOC_TEXT.send)}
      </button>
      {send.error && <ErrorMessage error={send.error} />}
    </form>
  );
}

function DraftUploadForm({ agreementId, kind }: { agreementId: string; kind: AgreementDocument }) {
  const { pick } = useI18n();
  const flash = useFlash();
  const [file, setFile] = useState<File | null>(null);
  const [summary, setSummary] = useState('');
  const [formKey, setFormKey] = useState(0);
  const upload = useDocumentsAction(agreementId, () => {
    const form = new FormData();
    if (summary.trim()) form.set('summary', summary.trim());
    form.set('file', file as File);
    return api<DocumentVersion>('POST', `/agreements/${agreementId}/documents/${kind}/versions`, form);
  });
  return (
    <form
      key={formKey}
      className="doc-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (file)
          upload.mutate(undefined, {
            onSuccess: (v) => {
              flash(`${pick(DOC_TEXT.uploaded)} ${kind} ${v.version} · ${v.fileName}`);
              setFile(null);
              setSummary('');
              setFormKey((k) => k + 1);
            },
          });
      }}
    >
      <div>
        <label htmlFor={`draft-file-${kind}`}>{pick(DOC_TEXT.uploadDraft)}</label>
        <input id={`draft-file-${kind}`} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <div>
        <label htmlFor={`draft-summary-${kind}`}>{pick(DOC_TEXT.summary)}</label>
        <input id={`draft-summary-${kind}`} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </div>
      <button type="submit" disabled={!file || upload.isPending}>
        {pick(DOC_TEXT.uploadButton)}
      </button>
      {upload.error && <ErrorMessage error={upload.error} />}
    </form>
  );
}
