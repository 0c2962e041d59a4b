// Two versions' metadata side by side (size, hash, pages, uploader, date, stage, summary),
// each row marked where they differ: the reviewers see what changed between drafts
// without opening both files.
import { useState } from 'react';
import { AGREEMENT_STAGE_INFO, type AgreementStage } from '../../../../domain/agreement-stage';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { DOC_TEXT } from './texts';
import type { DocumentVersion } from './useAgreementDocuments';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function versionName(v: DocumentVersion, pick: (b: { id: string; en: string }) => string): string {
  return v.kind === 'SIGNED' ? `${pick(DOC_TEXT.signedCopy)} ${v.number ?? ''}` : `${pick(DOC_TEXT.version)} ${v.version}`;
}

export function VersionComparison({ document, versions, timeZone }: { document: string; versions: DocumentVersion[]; timeZone: string }) {
  const { pick, lang } = useI18n();
  const [leftId, setLeft] = useState(versions.at(-2)?.id ?? '');
  const [rightId, setRight] = useState(versions.at(-1)?.id ?? '');
  const left = versions.find((v) => v.id === leftId);
  const right = versions.find((v) => v.id === rightId);
  if (versions.length < 2) return null;
  const rows: Array<[string, (v: DocumentVersion) => string]> = [
    [pick(DOC_TEXT.file), (v) => v.fileName],
    [pick(DOC_TEXT.size), (v) => kb(v.sizeBytes)],
    [pick(DOC_TEXT.pages), (v) => (v.pageCount !== undefined ? String(v.pageCount) : '—')],
    [pick(DOC_TEXT.hash), (v) => v.sha256],
    [pick(DOC_TEXT.uploader), (v) => `${v.uploaderName} (${v.uploadedBy})`],
    [pick(DOC_TEXT.uploadedAt), (v) => formatDateTime(v.createdAt, lang, timeZone)],
    [pick(DOC_TEXT.stageAtUpload), (v) => (v.stage in AGREEMENT_STAGE_INFO ? pick(AGREEMENT_STAGE_INFO[v.stage as AgreementStage].label) : v.stage)],
    [pick(DOC_TEXT.summary), (v) => v.summary ?? '—'],
  ];
  const picker = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {versionName(v, pick)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="version-compare" data-testid={`compare-${document}`}>
      <h4>{pick(DOC_TEXT.compareTitle)}</h4>
      <div className="doc-form">
        {picker(`compare-left-${document}`, pick(DOC_TEXT.compareLeft), leftId, setLeft)}
        {picker(`compare-right-${document}`, pick(DOC_TEXT.compareRight), rightId, setRight)}
      </div>
      {left && right && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={`${pick(DOC_TEXT.compareTitle)} ${document}`}>
          <table>
            <thead>
              <tr>
                <th scope="col">{pick(DOC_TEXT.attribute)}</th>
                <th scope="col">{versionName(left, pick)}</th>
                <th scope="col">{versionName(right, pick)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, value]) => {
                const same = value(left) === value(right);
                return (
                  <tr key={label} data-differs={same ? undefined : 'true'}>
                    <th scope="row">
                      {label} <span className="hint">({pick(same ? DOC_TEXT.compareSame : DOC_TEXT.compareDiffers)})</span>
                    </th>
                    <td className="break">{value(left)}</td>
                    <td className="break">{value(right)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
