import type { MessageAuthorType } from './service-vocabulary';

/** A file on a ticket message, as the message keeps it. */
export type AttachmentRef = { id: string; name: string; size: number; contentType: string };

/** The customer's rating of a resolved ticket. */
export type TicketCsat = { score: number; comment?: string };

/** Who writes a ticket message, as the message names them. */
export type MessageAuthor = { id: string; name: string; type: MessageAuthorType };
