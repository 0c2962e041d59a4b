// The signed copy in the signing step: the file the signing rests on, uploaded with its
// number, date and signatories just before the step is decided (one action for the user), or
// already uploaded in this round by the secretariat, whose particulars are then the signing's.
import type { AgreementDocument } from '../../../../domain/agreement-document';
import { api } from '../api/client';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { DOC_TEXT } from './texts';
import { useAgreementDocuments, type DocumentVersion } from './useAgreementDocuments';

/** The signed copy uploaded in the current signing round, waiting for the signing step. */
export function usePendingSignedCopy(agreementId: string, document: AgreementDocument | undefined): DocumentVersion | undefined {
  const documents = useAgreementDocuments(agreementId);
  return documents.data?.find((d) => d.document === document)?.signedCopies.find((v) => v.status === 'PENDING');
}

export function uploadSignedCopy(
  agreementId: string,
  document: AgreementDocument,
  copy: { file: File; number: string; signedOn: string; signatories: string[] },
): Promise<DocumentVersion> {
  const form = new FormData();
  form.set('number', copy.number);
  form.set('signedOn', copy.signedOn);
  form.set('signatories', copy.signatories.join('\n'));
  form.set('file', copy.file);
  return api<DocumentVersion>('POST', `/agreements/${agreementId}/documents/${document}/signed-copy`, form);
}

export function SignedCopyField({ pending, onFile }: { pending?: DocumentVersion; onFile: (file: File | null) => void }) {
  const { pick, lang } = useI18n();
  if (pending) {
    return (
      <p data-testid="pending-signed-copy">
        {pick(DOC_TEXT.signedCopyAlready)} <strong>{pending.fileName}</strong> · {pending.number} · {pending.signedOn ? formatDate(pending.signedOn, lang) : ''}{' '}
        · {(pending.signatories ?? []).join(', ')}
      </p>
    );
  }
  return (
    <>
      <label htmlFor="sign-file">{pick(DOC_TEXT.signedCopyFile)}</label>
      <input id="sign-file" type="file" aria-describedby="sign-file-hint" onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
      <p className="hint" id="sign-file-hint">
        {pick(DOC_TEXT.signedCopyHint)}
      </p>
    </>
  );
}
