// The rule check beside the form: the same messages the API gives on submit.
import { fieldLabel } from '../../../../../domain/labels';
import type { PlanCheck } from '../../api/types';
import { QueryView } from '../../components/Status';
import { formatRupiah } from '../../format';
import { useI18n } from '../../i18n/i18n';

interface Props {
  query: { data: PlanCheck | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
}

export function CheckPanel({ query }: Props) {
  const { t, pick, lang } = useI18n();
  return (
    <section className="card check" aria-labelledby="check-title" aria-live="polite">
      <h2 id="check-title">{t('checkTitle')}</h2>
      <QueryView query={query}>
        {(check) => (
          <>
            {check.submittable ? (
              <p className="ok" data-testid="check-ok">
                {t('checkOk')}
              </p>
            ) : (
              <>
                <p>{t('checkFailed')}</p>
                <ul className="violations" data-testid="violations">
                  {check.violations.map((v, i) => (
                    <li key={i}>
                      <span className="field-name">{pick(fieldLabel(v.field))}:</span> {pick(v.message)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {check.warnings.length > 0 && (
              <>
                <h3>{t('warnings')}</h3>
                <ul>
                  {check.warnings.map((w, i) => (
                    <li key={i}>{pick(w.message)}</li>
                  ))}
                </ul>
              </>
            )}
            <p>
              {t('estimatedCost')}: {formatRupiah(check.estimatedCost, lang)}
              {check.requiresDprdApproval && <> · {t('dprdRequired')}</>}
            </p>
          </>
        )}
      </QueryView>
    </section>
  );
}
