// TAPD's KUA-PPAS placement that goes with an approval of the budget sign-off: the
// provisional ceiling in rupiah and the funding source (the API refuses the approval without).
import { useEnumerations } from '../api/hooks';
import { RupiahInput } from '../components/RupiahInput';
import { formatRupiah } from '../format';
import { useI18n } from '../i18n/i18n';

export interface Placement {
  ceiling: string;
  fundingSource: string;
}

export function PlacementFields({ value, minimum, onChange }: { value: Placement; minimum: number; onChange(next: Placement): void }) {
  const { t, pick, lang } = useI18n();
  const enums = useEnumerations();
  return (
    <fieldset className="placement">
      <legend>{t('placement')}</legend>
      <label htmlFor="placement-ceiling">{t('placementCeiling')}</label>
      <RupiahInput
        id="placement-ceiling"
        required
        aria-describedby="placement-hint"
        value={value.ceiling}
        onChange={(ceiling) => onChange({ ...value, ceiling })}
      />
      <p id="placement-hint" className="hint">
        {t('placementHint')} {formatRupiah(minimum, lang)}
      </p>
      <label htmlFor="placement-source">{t('fundingSource')}</label>
      <select id="placement-source" required value={value.fundingSource} onChange={(e) => onChange({ ...value, fundingSource: e.target.value })}>
        <option value="">{t('choose')}</option>
        {enums.data?.fundingSources?.map((o) => (
          <option key={o.code} value={o.code}>
            {pick(o.label)}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
