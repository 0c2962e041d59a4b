// Every calendar milestone of the plan's budget year with how its date is set: the rule,
// the regulation and article (or that it is a practice default), and whether the rule's
// date was moved off a day off.
import type { Milestone } from '../api/types';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';

export function MilestoneRules({ milestones }: { milestones: Milestone[] }) {
  const { t, pick, lang } = useI18n();
  return (
    <details className="milestone-rules" data-testid="milestone-rules">
      <summary>{t('milestoneRules')}</summary>
      <ul>
        {milestones.map((m) => (
          <li key={m.code} data-milestone={m.code}>
            <strong>{pick(m.label)}</strong>: {formatDate(m.date, lang)} · {m.basis.legalBasis ?? t('practiceDefault')}{' '}
            <em>({m.basis.verified ? t('ruleVerified') : t('ruleConfigurable')})</em>
            <br />
            <small>
              {pick(m.basis.rule)}
              {m.movedFrom && ` · ${t('movedFrom')} ${formatDate(m.movedFrom, lang)}`}
              {m.origin !== 'DEFAULT' && ` · ${t(`origin${m.origin}` as 'originNATIONAL')}`}
            </small>
          </li>
        ))}
      </ul>
    </details>
  );
}
