import { actorLabel } from '../../../../domain/labels';
import { useLabel } from '../api/hooks';
import type { Transition } from '../api/types';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { MESSAGES, type MessageKey } from '../i18n/messages';

const actionKey = (action: string) => `action${action}` as MessageKey;

export function HistoryList({ history, zone }: { history: Transition[]; zone: string }) {
  const { t, lang, pick } = useI18n();
  const label = useLabel();
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('history')}</h2>
      {history.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ol className="history">
          {history.map((h) => (
            <li key={h.sequence}>
              <time dateTime={h.occurredAt}>{formatDateTime(h.occurredAt, lang, zone)}</time> <strong>{pick(actorLabel(h.actor))}</strong>:{' '}
              {label('planStages', h.fromStage)} → {label('planStages', h.toStage)} ({actionKey(h.action) in MESSAGES ? t(actionKey(h.action)) : h.action},{' '}
              {t('revision')} {h.revision}){h.reasonCode && <> · {label('rejectionReasons', h.reasonCode)}</>}
              {h.comment && <blockquote>{h.comment}</blockquote>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
