// Loading and error states: every screen shows one of these rather than nothing.
import type { ReactNode } from 'react';
import { fieldLabel } from '../../../../domain/labels';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('loading')}
    </p>
  );
}

/** The server's message in the user's language, with its violations. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, pick } = useI18n();
  const apiError = error instanceof ApiError ? error : null;
  return (
    <div className="error" role="alert">
      <p>{apiError ? pick(apiError.text) : String((error as Error)?.message ?? error)}</p>
      {apiError && apiError.violations.length > 0 && (
        <ul>
          {apiError.violations.map((v, i) => (
            <li key={i}>
              <span className="field-name">{pick(fieldLabel(v.field))}:</span> {pick(v.message)}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** Renders a query's data once there, its error or a loading line before. */
export function QueryView<T>({ query, children }: { query: QueryLike<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data as T)}</>;
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}
