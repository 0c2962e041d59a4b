// The plan's content, section by section as the form has them, and its budget lines
// (the lines the RKPD sync writes into the region's document register).
import type { ReactNode } from 'react';
import { useCooperationTypes, useLabel } from '../api/hooks';
import type { Plan } from '../api/types';
import { RegionLabel } from '../components/RegionLabel';
import { formatDate, formatRupiah } from '../format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

export function PlanContentView({ plan }: { plan: Plan }) {
  const { t, lang, pick } = useI18n();
  const label = useLabel();
  const types = useCooperationTypes();
  const typeName = types.data?.find((c) => c.code === plan.cooperationType);
  const row = (key: MessageKey, value: ReactNode) =>
    value === undefined || value === null || value === '' ? null : (
      <div key={key}>
        <dt>{t(key)}</dt>
        <dd>{value}</dd>
      </div>
    );
  const kak = plan.termsOfReference ?? {};
  const fs = plan.feasibilityStudy ?? {};
  return (
    <section className="card" aria-labelledby="content-title">
      <h2 id="content-title">{t('contents')}</h2>
      <dl className="fields">
        {row('summary', plan.summary)}
        {row('cooperationType', typeName ? pick(typeName.name) : plan.cooperationType)}
        {row('ksdpkKind', label('ksdpkKinds', plan.ksdpkKind))}
        {row('initiator', label('initiators', plan.initiator))}
        {row(
          'partners',
          plan.partners.length === 0
            ? undefined
            : plan.partners.map((p, i) => (
                <span key={i}>
                  {i > 0 && '; '}
                  {p.name} ({label('partnerKinds', p.kind)}
                  {p.regionCode && (
                    <>
                      , <RegionLabel code={p.regionCode} />
                    </>
                  )}
                  )
                </span>
              )),
        )}
        {row('durationMonths', plan.plannedDurationMonths)}
        {row('fundingSource', label('fundingSources', plan.fundingSource))}
        {row('burdensCommunity', plan.burdensCommunity === undefined ? undefined : plan.burdensCommunity ? t('yes') : t('no'))}
        {row('multiYear', plan.multiYear ? t('yes') : t('no'))}
      </dl>
      <h3>{t('sectionObjects')}</h3>
      <ul>
        {plan.objects.map((o, i) => (
          <li key={i}>
            <code>{[o.affairCode, o.programCode, o.kegiatanCode, o.subKegiatanCode].filter(Boolean).at(-1)}</code> {o.potential}
            {!o.inPlanningDocuments && <> · {label('planningExceptions', o.exceptionReason)}</>}
          </li>
        ))}
      </ul>
      <h3>{t('sectionKak')}</h3>
      <dl className="fields">
        {row('background', kak.background)}
        {row('kakPurpose', kak.purpose)}
        {row('legalBasis', kak.legalBasis)}
        {row('kakObject', kak.object)}
        {row('activities', kak.activities)}
        {row('expectedResults', kak.expectedResults)}
        {row('rolesOfParties', kak.rolesOfParties)}
      </dl>
      {(fs.summary || fs.conclusion) && (
        <>
          <h3>{t('sectionFeasibility')}</h3>
          <dl className="fields">
            {row('preparedBy', label('initiators', fs.preparedBy))}
            {row('summary', fs.summary)}
            {row('conclusion', fs.conclusion)}
            {row('studyDate', fs.studyDate && formatDate(fs.studyDate, lang))}
          </dl>
        </>
      )}
      <h3>{t('lineItems')}</h3>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('nomenclatureCode')}</th>
              <th scope="col">{t('description')}</th>
              <th scope="col" className="num">
                {t('amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.lineItems.map((l, i) => (
              <tr key={i}>
                <td>
                  <code>{l.nomenclatureCode}</code>
                </td>
                <td>{l.description}</td>
                <td className="num">{formatRupiah(l.amount, lang)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('estimatedCost')}
              </th>
              <td className="num">{formatRupiah(plan.estimatedCost, lang)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
