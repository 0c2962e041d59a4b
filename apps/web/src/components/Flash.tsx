// The result of an action, said once at the top of the screen: keyboard focus moves to
// it (so screen readers read it and nobody is left on the page body), and it stays on
// the screen it was meant for, however the page beneath it re-renders.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n';

interface Flash {
  message: string;
  /** The path it belongs to: shown there only (a first save moves from /plans/new to the draft's path). */
  path: string;
  serial: number;
}

type Show = (message: string, path?: string) => void;

const FlashContext = createContext<Show>(() => undefined);

export function useFlash(): Show {
  return useContext(FlashContext);
}

export function FlashProvider({ children }: { children: ReactNode }) {
  const location = useLocation();
  const [flash, setFlash] = useState<Flash | null>(null);
  const show = useCallback<Show>(
    (message, path) => setFlash((f) => ({ message, path: path ?? location.pathname, serial: (f?.serial ?? 0) + 1 })),
    [location.pathname],
  );
  return (
    <FlashContext.Provider value={show}>
      {flash && flash.path === location.pathname && <FlashMessage flash={flash} onClose={() => setFlash(null)} />}
      {children}
    </FlashContext.Provider>
  );
}

function FlashMessage({ flash, onClose }: { flash: Flash; onClose(): void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [flash.serial]);
  return (
    <div className="flash" role="status" tabIndex={-1} ref={ref} data-testid="flash">
      <span>{flash.message}</span>
      <button type="button" className="link" onClick={onClose} aria-label={t('close')}>
        ×
      </button>
    </div>
  );
}
