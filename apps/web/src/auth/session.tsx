// Who is logged in: the token lives in sessionStorage (gone when the tab closes) and is
// checked against GET /auth/me on load, so a revoked account is logged out at once.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, get, post, setToken, setUnauthorizedHandler } from '../api/client';
import type { CurrentUser, LoginResponse } from '../api/types';

interface Session {
  user: CurrentUser | null;
  /** True until a stored token has been checked. */
  restoring: boolean;
  /** Why the stored token could not be checked (not a refusal: the server could not be asked). */
  restoreError: unknown;
  retryRestore(): void;
  login(username: string, password: string): Promise<void>;
  /** Ends the token on the server (POST /auth/logout: every session of the user), then here. */
  logout(): void;
}

const SessionContext = createContext<Session | null>(null);
const TOKEN_KEY = 'jalin.token';

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [restoring, setRestoring] = useState(() => sessionStorage.getItem(TOKEN_KEY) !== null);
  const [restoreError, setRestoreError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  // Forgets the token here only: for a token the server already refused.
  const forget = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setUser(null);
    queryClient.clear();
  }, [queryClient]);

  const logout = useCallback(() => {
    // Forgotten here whatever the server answers: a failed request must not keep anyone logged in.
    post('/auth/logout').then(forget, forget);
  }, [forget]);

  useEffect(() => {
    setUnauthorizedHandler(forget);
    const stored = sessionStorage.getItem(TOKEN_KEY);
    if (!stored) return;
    setToken(stored);
    setRestoreError(null);
    get<CurrentUser>('/auth/me').then(
      (me) => {
        setUser(me);
        setRestoring(false);
      },
      (error: unknown) => {
        // Only the server's refusal ends the session: a failed or aborted request (e.g. the
        // page being left mid-check) must not throw the token away.
        if (error instanceof ApiError && error.status === 401) {
          forget();
          setRestoring(false);
        } else setRestoreError(error);
      },
    );
  }, [forget, attempt]);

  const login = useCallback(
    async (username: string, password: string) => {
      const result = await post<LoginResponse>('/auth/login', { username, password });
      sessionStorage.setItem(TOKEN_KEY, result.accessToken);
      setToken(result.accessToken);
      queryClient.clear();
      setUser(result.user);
    },
    [queryClient],
  );

  const retryRestore = useCallback(() => setAttempt((n) => n + 1), []);
  const value = useMemo(() => ({ user, restoring, restoreError, retryRestore, login, logout }), [user, restoring, restoreError, retryRestore, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The logged-in user; only inside the authenticated layout. */
export function useUser(): CurrentUser {
  const { user } = useSession();
  if (!user) throw new Error('no user');
  return user;
}
