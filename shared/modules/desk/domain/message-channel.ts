import type { MessageAuthorType, MessageChannel } from './service-vocabulary';

/**
 * The channel a stored message really came through. Until the staff portal had a channel of
 * its own, staff replies and notes and the system's notes were stored as `portal`, the
 * customer portal; only customers write there, so such a message was written in the staff portal.
 */
export function messageChannel(authorType: MessageAuthorType, stored: MessageChannel): MessageChannel {
  return stored === 'portal' && authorType !== 'customer' ? 'staff' : stored;
}
