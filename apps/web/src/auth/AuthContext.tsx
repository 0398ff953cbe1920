import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { client, ok, onUnauthenticated } from '../api/client';
import { queryClient } from '../api/query';
import type { Role, User } from '../api/types';

interface AuthState {
  user: User | null;
  /** True until the first `GET /api/auth/me` answered. */
  checking: boolean;
  signIn(username: string, password: string): Promise<void>;
  /** Ends every session of the user (the API revokes their tokens), then forgets them here. */
  signOut(): Promise<void>;
  /** The user's own new password; the session goes on with a new cookie. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /** Navigation only (which screens the menu offers a role); never whether an action is allowed. */
  has(...roles: Role[]): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

/** The signed-in user, from the session cookie (the page never sees the token). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(true);

  useEffect(() => {
    let live = true;
    ok(client.GET('/api/auth/me'))
      .then((u) => live && setUser(u))
      .catch(() => live && setUser(null))
      .finally(() => live && setChecking(false));
    const off = onUnauthenticated(() => setUser(null));
    return () => {
      live = false;
      off();
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const { user: u } = await ok(client.POST('/api/auth/session', { body: { username, password } }));
    queryClient.clear();
    setUser(u);
  }, []);

  const signOut = useCallback(async () => {
    await ok(client.DELETE('/api/auth/session')).catch(() => undefined);
    // Nothing read for this user may show for the next one.
    queryClient.clear();
    setUser(null);
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const { user: u } = await ok(client.POST('/api/auth/password', { body: { currentPassword, newPassword } }));
    setUser(u);
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      user,
      checking,
      signIn,
      signOut,
      changePassword,
      // The one role check the web keeps: the menu. Every action comes from allowedActions.
      // eslint-disable-next-line no-restricted-syntax
      has: (...roles) => !!user && roles.some((r) => user.roles.includes(r)),
    }),
    [user, checking, signIn, signOut, changePassword],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
