// The plan form's sections, in the order of the plan: general, type and partners,
// mapped objects, KAK and feasibility study, cost and funding.
import { useCooperationTypes, useEnumerations } from '../../api/hooks';
import type { Enumerations, LineItem, MappedObject, Partner, PlanContent } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { CheckField, DateField, ListError, RupiahField, Section, SelectField, TextArea, TextField } from './fields';
import { AffairPicker, RegionPicker } from './pickers';

export interface SectionProps {
  draft: PlanContent;
  update(change: Partial<PlanContent>): void;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

function useOptions(group: keyof Enumerations) {
  const { pick } = useI18n();
  const enums = useEnumerations();
  return (enums.data?.[group] ?? []).map((o) => ({ code: o.code, text: pick(o.label) }));
}

/** Replaces one element of a list field. */
function replaceAt<T>(list: T[] | undefined, index: number, change: Partial<T>): T[] {
  return (list ?? []).map((item, i) => (i === index ? { ...item, ...change } : item));
}

export function GeneralSection({ draft, update }: SectionProps) {
  const { t } = useI18n();
  return (
    <Section title={t('sectionGeneral')}>
      <TextField path="title" label={t('title')} value={draft.title} onChange={(title) => update({ title })} required />
      <TextArea path="summary" label={t('summary')} value={str(draft.summary)} onChange={(summary) => update({ summary })} />
      <div className="row">
        <TextField path="budgetYear" label={t('budgetYear')} type="number" value={str(draft.budgetYear)} onChange={(v) => update({ budgetYear: Number(v) })} />
        <TextField path="proposingAgency" label={t('agency')} value={draft.proposingAgency} onChange={(proposingAgency) => update({ proposingAgency })} />
      </div>
    </Section>
  );
}

export function TypeSection({ draft, update }: SectionProps) {
  const { t, pick } = useI18n();
  const types = useCooperationTypes();
  const partnerKinds = useOptions('partnerKinds');
  const ksdpkKinds = useOptions('ksdpkKinds');
  const initiators = useOptions('initiators');
  const partners = draft.partners ?? [];
  const setPartner = (i: number, change: Partial<Partner>) => update({ partners: replaceAt(partners, i, change) });
  return (
    <Section title={t('sectionType')}>
      <div className="row">
        <SelectField
          path="cooperationType"
          label={t('cooperationType')}
          value={draft.cooperationType}
          options={(types.data ?? []).map((c) => ({ code: c.code, text: pick(c.name) }))}
          onChange={(v) => update({ cooperationType: v || undefined })}
        />
        {draft.cooperationType === 'KSDPK' && (
          <SelectField
            path="ksdpkKind"
            label={t('ksdpkKind')}
            value={draft.ksdpkKind}
            options={ksdpkKinds}
            onChange={(v) => update({ ksdpkKind: v || undefined })}
          />
        )}
        <SelectField
          path="initiator"
          label={t('initiator')}
          value={draft.initiator}
          options={initiators}
          onChange={(v) => update({ initiator: v || undefined })}
        />
      </div>
      {partners.map((p, i) => (
        <fieldset key={i} className="sub">
          <legend>
            {t('partners')} {i + 1}
          </legend>
          <div className="row">
            <SelectField
              path={`partners[${i}].kind`}
              label={t('partnerKind')}
              value={p.kind}
              options={partnerKinds}
              onChange={(kind) => setPartner(i, { kind: kind || undefined })}
            />
            <TextField path={`partners[${i}].name`} label={t('partnerName')} value={p.name} onChange={(name) => setPartner(i, { name })} />
            {p.kind === 'REGION' && (
              <RegionPicker
                path={`partners[${i}].regionCode`}
                label={t('partnerRegion')}
                value={str(p.regionCode)}
                onChange={(regionCode) => setPartner(i, { regionCode })}
              />
            )}
          </div>
          <button type="button" onClick={() => update({ partners: partners.filter((_, j) => j !== i) })}>
            {t('remove')}
          </button>
        </fieldset>
      ))}
      <ListError path="partners" />
      <button type="button" onClick={() => update({ partners: [...partners, { kind: 'REGION', name: '' }] })}>
        {t('addPartner')}
      </button>
    </Section>
  );
}

export function ObjectsSection({ draft, update }: SectionProps) {
  const { t } = useI18n();
  const exceptions = useOptions('planningExceptions');
  const objects = draft.objects ?? [];
  const setObject = (i: number, change: Partial<MappedObject>) => update({ objects: replaceAt(objects, i, change) });
  return (
    <Section title={t('sectionObjects')}>
      {objects.map((o, i) => (
        <fieldset key={i} className="sub">
          <legend>
            {t('sectionObjects')} {i + 1}
          </legend>
          <div className="row">
            <AffairPicker path={`objects[${i}].affairCode`} label={t('affair')} value={o.affairCode} onChange={(affairCode) => setObject(i, { affairCode })} />
            <TextField
              path={`objects[${i}].programCode`}
              label={t('programCode')}
              value={str(o.programCode)}
              onChange={(v) => setObject(i, { programCode: v || undefined })}
            />
            <TextField
              path={`objects[${i}].kegiatanCode`}
              label={t('kegiatanCode')}
              value={str(o.kegiatanCode)}
              onChange={(v) => setObject(i, { kegiatanCode: v || undefined })}
            />
          </div>
          <TextArea path={`objects[${i}].potential`} label={t('potential')} value={str(o.potential)} onChange={(potential) => setObject(i, { potential })} />
          <TextArea
            path={`objects[${i}].characteristics`}
            label={t('characteristics')}
            value={str(o.characteristics)}
            onChange={(characteristics) => setObject(i, { characteristics })}
          />
          <CheckField
            path={`objects[${i}].inPlanningDocuments`}
            label={t('inPlanningDocuments')}
            checked={o.inPlanningDocuments}
            onChange={(inPlanningDocuments) => setObject(i, { inPlanningDocuments })}
          />
          {!o.inPlanningDocuments && (
            <SelectField
              path={`objects[${i}].exceptionReason`}
              label={t('exceptionReason')}
              value={o.exceptionReason}
              options={exceptions}
              onChange={(v) => setObject(i, { exceptionReason: v || undefined })}
            />
          )}
          <button type="button" onClick={() => update({ objects: objects.filter((_, j) => j !== i) })}>
            {t('remove')}
          </button>
        </fieldset>
      ))}
      <ListError path="objects" />
      <button type="button" onClick={() => update({ objects: [...objects, { affairCode: '', inPlanningDocuments: true }] })}>
        {t('addObject')}
      </button>
    </Section>
  );
}

const KAK_FIELDS = [
  ['background', 'background'],
  ['purpose', 'kakPurpose'],
  ['legalBasis', 'legalBasis'],
  ['object', 'kakObject'],
  ['activities', 'activities'],
  ['expectedResults', 'expectedResults'],
  ['rolesOfParties', 'rolesOfParties'],
] as const;

export function KakSection({ draft, update }: SectionProps) {
  const { t } = useI18n();
  const kak = draft.termsOfReference ?? {};
  const fs = draft.feasibilityStudy ?? {};
  const initiators = useOptions('initiators');
  return (
    <>
      <Section title={t('sectionKak')}>
        {KAK_FIELDS.map(([field, key]) => (
          <TextArea
            key={field}
            path={`termsOfReference.${field}`}
            label={t(key)}
            value={str(kak[field])}
            onChange={(v) => update({ termsOfReference: { ...kak, [field]: v } })}
          />
        ))}
      </Section>
      <Section title={t('sectionFeasibility')}>
        <div className="row">
          <SelectField
            path="feasibilityStudy.preparedBy"
            label={t('preparedBy')}
            value={fs.preparedBy}
            options={initiators}
            onChange={(v) => update({ feasibilityStudy: { ...fs, preparedBy: v || undefined } })}
          />
          <DateField
            path="feasibilityStudy.studyDate"
            label={t('studyDate')}
            value={str(fs.studyDate)}
            onChange={(v) => update({ feasibilityStudy: { ...fs, studyDate: v || undefined } })}
          />
        </div>
        <TextArea
          path="feasibilityStudy.summary"
          label={t('summary')}
          value={str(fs.summary)}
          onChange={(v) => update({ feasibilityStudy: { ...fs, summary: v } })}
        />
        <TextArea
          path="feasibilityStudy.conclusion"
          label={t('conclusion')}
          value={str(fs.conclusion)}
          onChange={(v) => update({ feasibilityStudy: { ...fs, conclusion: v } })}
        />
      </Section>
    </>
  );
}

export function CostSection({ draft, update }: SectionProps) {
  const { t } = useI18n();
  const lines = draft.lineItems ?? [];
  const setLine = (i: number, change: Partial<LineItem>) => update({ lineItems: replaceAt(lines, i, change) });
  return (
    <Section title={t('sectionCost')}>
      <div className="row">
        <SelectField
          path="fundingSource"
          label={t('fundingSource')}
          value={draft.fundingSource}
          options={useOptions('fundingSources')}
          onChange={(v) => update({ fundingSource: v || undefined })}
        />
        <TextField
          path="plannedDurationMonths"
          label={t('durationMonths')}
          type="number"
          value={str(draft.plannedDurationMonths)}
          onChange={(v) => update({ plannedDurationMonths: num(v) })}
        />
      </div>
      {/* A required statement: unanswered differs from "no", so it is a choice, not a checkbox. */}
      <SelectField
        path="burdensCommunity"
        label={t('burdensCommunity')}
        value={draft.burdensCommunity === undefined ? '' : draft.burdensCommunity ? 'yes' : 'no'}
        options={[
          { code: 'yes', text: t('yes') },
          { code: 'no', text: t('no') },
        ]}
        onChange={(v) => update({ burdensCommunity: v === '' ? undefined : v === 'yes' })}
      />
      <CheckField path="multiYear" label={t('multiYear')} checked={Boolean(draft.multiYear)} onChange={(multiYear) => update({ multiYear })} />
      {lines.map((l, i) => (
        <fieldset key={i} className="sub">
          <legend>
            {t('lineItems')} {i + 1}
          </legend>
          <div className="row">
            <TextField
              path={`lineItems[${i}].nomenclatureCode`}
              label={t('nomenclatureCode')}
              value={l.nomenclatureCode}
              onChange={(nomenclatureCode) => setLine(i, { nomenclatureCode })}
            />
            <TextField
              path={`lineItems[${i}].description`}
              label={t('description')}
              value={l.description}
              onChange={(description) => setLine(i, { description })}
            />
            <RupiahField path={`lineItems[${i}].amount`} label={t('amount')} value={l.amount} onChange={(amount) => setLine(i, { amount })} />
          </div>
          <button type="button" onClick={() => update({ lineItems: lines.filter((_, j) => j !== i) })}>
            {t('remove')}
          </button>
        </fieldset>
      ))}
      <ListError path="lineItems" />
      <button type="button" onClick={() => update({ lineItems: [...lines, { nomenclatureCode: '', description: '', amount: 0 }] })}>
        {t('addLine')}
      </button>
    </Section>
  );
}
