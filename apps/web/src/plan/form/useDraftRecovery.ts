// What was typed survives a reload, a closed tab or a wrong click: every unsaved change is
// kept in this browser (per user and plan) until the server has the draft, the browser
// asks before leaving with unsaved changes, and the form offers the kept copy back.
import { useEffect, useMemo, useState } from 'react';
import type { PlanContent } from '../../api/types';

interface Kept {
  keptAt: string;
  draft: PlanContent;
}

const keyOf = (userId: string, planId: string | undefined) => `jalin.draft.${userId}.${planId ?? 'new'}`;

function read(key: string): Kept | null {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null') as Kept | null;
    return value && typeof value.keptAt === 'string' && value.draft && typeof value.draft === 'object' ? value : null;
  } catch {
    return null;
  }
}

/**
 * `saved` is the draft as the server last accepted it (or as it was loaded). Answers
 * whether the form holds unsaved changes, the copy kept from an earlier visit that
 * differs from it (to offer back), and how to forget that copy or mark a save.
 */
export function useDraftRecovery(userId: string, planId: string | undefined, draft: PlanContent) {
  const key = keyOf(userId, planId);
  const [saved, setSaved] = useState(() => JSON.stringify(draft));
  const [offered, setOffered] = useState<Kept | null>(() => {
    const kept = read(key);
    return kept && JSON.stringify(kept.draft) !== JSON.stringify(draft) ? kept : null;
  });
  const current = useMemo(() => JSON.stringify(draft), [draft]);
  const dirty = current !== saved;

  useEffect(() => {
    // While a kept copy is on offer it stays as it was, so declining to look at it loses nothing.
    if (offered) return;
    if (dirty) localStorage.setItem(key, JSON.stringify({ keptAt: new Date().toISOString(), draft } satisfies Kept));
    else localStorage.removeItem(key);
  }, [key, current, dirty, offered, draft]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need a value set to show their own "leave site?" question.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return {
    dirty,
    offered,
    /** The server accepted `sent` (for a new plan, under `newId`): nothing is unsaved, nothing is kept. */
    markSaved(sent: PlanContent, newId?: string) {
      setSaved(JSON.stringify(sent));
      localStorage.removeItem(key);
      if (newId) localStorage.removeItem(keyOf(userId, newId));
    },
    /** The offered copy was taken into the form or thrown away: stop offering it. */
    settleOffer(discard: boolean) {
      if (discard) localStorage.removeItem(key);
      setOffered(null);
    },
  };
}
