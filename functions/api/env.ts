import type { Audience } from '../../shared/domain/identity';
import type { Caller } from '../../shared/services/identity/session.service';

/** What middleware hands to route handlers. */
export type AppEnv = {
  Variables: {
    caller?: Caller;
    /** How the caller proved who they are; CSRF checks apply to cookies only. */
    authMethod?: 'cookie' | 'bearer';
    /** The portal the request came through (set by its proxy), which names the session cookie. */
    portal?: Audience;
  };
};
