// The plan missed its calendar milestone: what the region must now produce (an RKPD
// amendment, or the DPRD agreement record), in plain sight at the top of the plan.
import type { PlanRemedy } from '../api/types';
import { useI18n } from '../i18n/i18n';

export function RemedyWarning({ remedy }: { remedy: PlanRemedy }) {
  const { t, pick } = useI18n();
  return (
    <section className="card warning" role="note" aria-labelledby="remedy-title" data-testid="remedy" data-remedy={remedy.remedy}>
      <h2 id="remedy-title">
        <span aria-hidden="true">⚠ </span>
        {t('remedyTitle')}
      </h2>
      <p>{pick(remedy.label)}</p>
      <p className="hint">{t(remedy.remedy === 'RKPD_AMENDMENT' ? 'remedyRkpdAmendment' : 'remedyDprdAgreement')}</p>
    </section>
  );
}
