import { config } from '../config';
import { sameSignature, sign } from './security/secret-token';

/** Separates the visitor id from its signature; never part of an id or of base64url. */
const SEPARATOR = '.';
const VISITOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const signatureOf = (visitorId: string) => sign(config().signingSecret, `kb-visitor:${visitorId}`);

/**
 * A signed-out reader of the knowledge base, known by a cookie: a random id and an HMAC of it
 * under the server secret, so one vote per visitor holds and a made-up id is a new visitor.
 */
export const kbVisitor = {
  /** The cookie value that names the visitor. */
  tokenFor(visitorId: string): string {
    return `${visitorId}${SEPARATOR}${signatureOf(visitorId)}`;
  },

  /** The visitor a cookie value names, or undefined when it is missing, malformed or its signature is wrong (constant-time check). */
  idOf(token: string | undefined): string | undefined {
    const [visitorId, signature, ...rest] = token?.split(SEPARATOR) ?? [];
    if (!visitorId || !signature || rest.length > 0 || !VISITOR_ID.test(visitorId)) return undefined;
    return sameSignature(signature, signatureOf(visitorId)) ? visitorId : undefined;
  },
};
