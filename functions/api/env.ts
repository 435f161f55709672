import type { HttpBindings } from '@hono/node-server';
import type { ApiGatewayRequestContextV2 } from 'hono/aws-lambda';
import type { Audience } from '../../shared/modules/identity/domain/identity';
import type { Caller } from '../../shared/modules/identity/services/session.service';

/** What middleware hands to route handlers. */
export type AppEnv = {
  /**
   * What the server running the app passes along: the Node socket locally (@hono/node-server),
   * the API Gateway request context in Lambda (hono/aws-lambda); neither in `app.request()`.
   */
  Bindings: Partial<HttpBindings & { requestContext: ApiGatewayRequestContextV2 }>;
  Variables: {
    caller?: Caller;
    /** How the caller proved who they are; CSRF checks apply to cookies only. */
    authMethod?: 'cookie' | 'bearer';
    /** The portal the request came through (set by its proxy), which names the session cookie. */
    portal?: Audience;
  };
};
