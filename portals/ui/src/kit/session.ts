import { createSignal } from 'solid-js';
import { api } from '../api/endpoints';
import { ApiError } from '../api/client';
import type { User } from '../api/types';
import type { PortalId } from './portals';

const [user, setUser] = createSignal<User | undefined>();
export { user, setUser };

export type SessionState =
  | { kind: 'signed-in'; user: User }
  | { kind: 'anonymous' }
  | { kind: 'wrong-portal' }
  | { kind: 'error'; error: unknown };

export function canUse(candidate: User, portal: PortalId): boolean {
  return candidate.audiences.includes(portal);
}

/**
 * Asks the API who is signed in. A login without this portal's audience is signed out at
 * once, so that a customer's session never lingers on the staff portal.
 */
export async function loadSession(portal: PortalId): Promise<SessionState> {
  try {
    const { user: me } = await api.auth.me();
    if (!canUse(me, portal)) {
      await api.auth.logout().catch(() => undefined);
      setUser(undefined);
      return { kind: 'wrong-portal' };
    }
    setUser(me);
    return { kind: 'signed-in', user: me };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { kind: 'anonymous' };
    return { kind: 'error', error };
  }
}

export async function signOut(): Promise<void> {
  // Leave even when the API cannot be reached: the user asked to go.
  await api.auth.logout().catch(() => undefined);
  setUser(undefined);
  window.location.assign('/sign-in/');
}

export function isAdmin(candidate: User | undefined): boolean {
  return candidate?.roles.includes('admin') ?? false;
}
