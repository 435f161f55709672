import { config } from '../../../platform/config';
import { openToken, sealToken } from '../../../platform/crypto/secret-token';

const SCOPE = 'kb-visitor';
const VISITOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A signed-out reader of the knowledge base, known by a cookie: a random id and an HMAC of it
 * under the server secret, so one vote per visitor holds and a made-up id is a new visitor.
 */
export const kbVisitor = {
  /** The cookie value that names the visitor. */
  tokenFor(visitorId: string): string {
    return sealToken(config().signingSecret, visitorId, SCOPE);
  },

  /** The visitor a cookie value names, or undefined when it is missing, malformed or its signature is wrong (constant-time check). */
  idOf(token: string | undefined): string | undefined {
    const visitorId = openToken(config().signingSecret, token, SCOPE);
    return visitorId && VISITOR_ID.test(visitorId) ? visitorId : undefined;
  },
};
