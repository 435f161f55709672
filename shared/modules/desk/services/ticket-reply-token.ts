import { config } from '../../../platform/config';
import { sameSignature, sign } from '../../../platform/crypto/secret-token';

/** Separates the ticket id from its signature inside a token; never part of base64url. */
const SEPARATOR = '.';
/** 128 bits of the HMAC: plenty against guessing, short enough for a subject line. */
const SIGNATURE_LENGTH = 22;

const signatureOf = (ticketId: string) => sign(config().signingSecret, `ticket-reply:${ticketId}`).slice(0, SIGNATURE_LENGTH);

/**
 * The token that ties an e-mail thread to a ticket: the ticket id and an HMAC of it under the
 * server secret, so a reply can be matched to its ticket and a made-up token is refused.
 */
export function replyTokenFor(ticketId: string): string {
  return `${Buffer.from(ticketId).toString('base64url')}${SEPARATOR}${signatureOf(ticketId)}`;
}

/** The ticket id inside a reply token, or undefined when the token is malformed or its signature is wrong (constant-time check). */
export function ticketIdFromReplyToken(token: string): string | undefined {
  const [encoded, signature, ...rest] = token.trim().split(SEPARATOR);
  if (!encoded || !signature || rest.length > 0 || !/^[A-Za-z0-9_-]+$/.test(encoded)) return undefined;
  const ticketId = Buffer.from(encoded, 'base64url').toString();
  if (!ticketId || Buffer.from(ticketId).toString('base64url') !== encoded) return undefined;
  return sameSignature(signature, signatureOf(ticketId)) ? ticketId : undefined;
}

/** The tag every ticket mail carries in its subject: `[T-2026-00042 #<token>]`. */
export function replySubjectTag(number: string, ticketId: string): string {
  return `[${number} #${replyTokenFor(ticketId)}]`;
}

/** The domain part of an address, bare or in `Name <local@domain>` form. */
const domainOf = (mailbox: string) => (/@([^>\s]+)>?\s*$/.exec(mailbox)?.[1] ?? 'localhost').toLowerCase();

/**
 * The id every mail about a ticket names in `References` and `In-Reply-To`: a thread root that
 * carries the reply token, so mail clients keep the ticket's mails in one conversation and a
 * reply whose subject was edited still finds its ticket.
 */
export function threadMessageId(ticketId: string): string {
  return `<ticket.${replyTokenFor(ticketId)}@${domainOf(config().mailFrom)}>`;
}

/** The reply token of the first ticket thread id among a reply's `In-Reply-To` and `References` ids, if any. */
export function replyTokenInMessageIds(ids: readonly string[]): string | undefined {
  for (const id of ids) {
    const token = /^<?ticket\.([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)@[^>]+>?$/.exec(id.trim())?.[1];
    if (token) return token;
  }
  return undefined;
}

/** The reply token in a subject line carrying a ticket tag (`Re: … [T-2026-00042 #<token>]`), if any. */
export function replyTokenInSubject(subject: string): string | undefined {
  return /\[[A-Z]+-\d{4}-\d{5,} #([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\]/.exec(subject)?.[1];
}
