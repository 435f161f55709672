import { createHash } from 'node:crypto';
import type { Attachment, Ticket, TicketMessage } from '../schemas/ticket.schema';
import { MAX_MESSAGE_LENGTH } from '../schemas/ticket.schema';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../schemas/ticket-attachment.schema';
import type { InboundMailOutcome } from '../domain/service-vocabulary';
import { ticketPolicy } from '../policy';
import { config } from '../../../platform/config';
import { logger } from '../../../platform/logger';
import { objectStore } from '../../../platform/storage/s3-client';
import { accountContactRepository } from '../../crm/db/account-contact.repository';
import { accountRepository } from '../../crm/db/account.repository';
import { partyName, partyRepository } from '../../identity/db/party.repository';
import type { PartyRow } from '../../identity/db/party.entity';
import { inboundMailRepository } from '../db/inbound-mail.repository';
import type { InboundMailReceiptRow } from '../db/inbound-mail-receipt.entity';
import { attachmentObjectKey, ticketAttachmentRepository } from '../db/ticket-attachment.repository';
import { ticketRepository } from '../db/ticket.repository';
import { addMessage } from './conversation.service';
import { toAttachmentRef, toTicket } from './desk-views';
import { parseInboundMail, type InboundAttachment, type InboundMail } from './email-parse';
import { openForContact } from './intake.service';
import { attachmentProblem } from './ticket-attachment.service';
import { ticketIdFromReplyToken } from './ticket-reply-token';

/** A mail as the desk takes it: the sender, what they wrote, and the files kept. */
export type InboundTicketMail = { fromEmail: string; fromName?: string; subject: string; body: string; attachments: Attachment[] };
export type EmailRefusal = { status: 'refused'; reason: 'unknown_sender' | 'no_account' | 'unknown_ticket' | 'ticket_closed' };

const fit = (text: string, max: number, empty: string) => {
  const trimmed = text.trim();
  return trimmed ? trimmed.slice(0, max) : empty;
};

function refuse(reason: EmailRefusal['reason'], fromEmail: string): EmailRefusal {
  logger.warn('ticket e-mail refused', { reason, from: fromEmail });
  return { status: 'refused', reason };
}

/** The parties with this e-mail address (any case), oldest first, each with the accounts it is a contact of. */
async function sendersByEmail(email: string): Promise<{ party: PartyRow; accountIds: string[] }[]> {
  const parties = await partyRepository.findByEmail(email);
  return Promise.all(parties.map(async (party) => ({ party, accountIds: await accountContactRepository.accountIdsOf(party.partyId) })));
}

/**
 * A new ticket from an e-mail: the sender must be a contact linked to an account, with or
 * without a portal login (the oldest such contact with that address; its first account when
 * several). Other senders are refused and logged.
 */
export async function createTicketFromEmail(mail: InboundTicketMail): Promise<{ status: 'created'; ticket: Ticket } | EmailRefusal> {
  const contacts = (await sendersByEmail(mail.fromEmail)).filter(({ party }) => party.isContact);
  if (contacts.length === 0) return refuse('unknown_sender', mail.fromEmail);
  for (const { party, accountIds: [accountId] } of contacts) {
    const account = accountId ? await accountRepository.get(accountId) : undefined;
    if (!account) continue;
    const ticket = await openForContact(party, account, { subject: fit(mail.subject, 200, '(no subject)'), description: fit(mail.body, MAX_MESSAGE_LENGTH, '(empty message)') }, 'email', mail.attachments);
    return { status: 'created', ticket: toTicket(ticket) };
  }
  return refuse('no_account', mail.fromEmail);
}

/**
 * A reply by e-mail to a ticket whose reply token the caller has verified: the sender must be
 * the ticket's contact or a contact of its account; it is added as the customer's public message.
 */
export async function addEmailReply(ticketId: string, mail: { fromEmail: string; body: string; attachments: Attachment[] }): Promise<{ status: 'added'; message: TicketMessage } | EmailRefusal> {
  const ticket = await ticketRepository.get(ticketId);
  if (!ticket) return refuse('unknown_ticket', mail.fromEmail);
  // The ticket's own contact first, should several parties share the address.
  const senders = (await sendersByEmail(mail.fromEmail)).sort((a, b) => Number(b.party.partyId === ticket.contactId) - Number(a.party.partyId === ticket.contactId));
  const sender = senders.find(({ accountIds }) => ticketPolicy.emailReply(accountIds, ticket) === 'allow')?.party;
  if (!sender) return refuse('unknown_sender', mail.fromEmail);
  if (ticket.status === 'closed') return refuse('ticket_closed', mail.fromEmail);
  const message = await addMessage(ticket, { id: sender.partyId, name: partyName(sender), type: 'customer' }, { body: fit(mail.body, MAX_MESSAGE_LENGTH, '(empty message)'), visibility: 'public', channel: 'email', attachments: mail.attachments });
  return { status: 'added', message };
}

// ——— the inbound mail itself (SES or `npm run mail:in`): once per Message-ID ———

/** What became of an inbound mail, with the reason when it was refused or ignored. */
export type IntakeResult =
  | { outcome: 'ticket_created'; ticketId: string; number: string }
  | { outcome: 'reply_added'; ticketId: string; messageId: string }
  | { outcome: 'refused'; reason: string }
  | { outcome: 'ignored'; reason: 'automated' | 'own_mail' }
  | { outcome: 'duplicate'; previous: InboundMailOutcome | 'in_progress' };

/**
 * A claim younger than this may still be at work in another invocation (the inbound Lambda
 * runs for at most a minute); an older one without an outcome belongs to an attempt that died.
 */
const LIVE_CLAIM_MS = 2 * 60_000;

/** Another delivery of the same mail is being handled right now; the caller should retry later. */
export class InboundMailBusyError extends Error {
  constructor(messageId: string) {
    super(`Mail ${messageId} is being handled by another attempt`);
    this.name = 'InboundMailBusyError';
  }
}

type Handled = Exclude<IntakeResult, { outcome: 'duplicate' }>;
type Stored = { file: InboundAttachment; ref: Attachment };

const addressIn = (mailbox: string) => (/<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox).trim().toLowerCase();

/** Our own outgoing mail coming back (a bounce loop, a forwarding rule pointing at us). */
function isOwnMail(mail: InboundMail): boolean {
  const { mailFrom, supportAddress } = config();
  return [addressIn(mailFrom), supportAddress.toLowerCase()].includes(mail.from.email);
}

/** The same id for the same file of the same mail, so a retried mail writes the same objects again. */
function attachmentIdFor(messageId: string, index: number): string {
  return createHash('sha256').update(`${messageId}#${index}`).digest('hex').slice(0, 32);
}

/** The files a ticket takes (the same limits as uploads), and a line for each one left out. */
function screen(mail: InboundMail): { kept: Stored[]; notes: string[] } {
  const kept: Stored[] = [];
  const notes: string[] = [];
  mail.attachments.forEach((file, index) => {
    const problem = attachmentProblem(file);
    if (problem) notes.push(`[${file.name} was not attached: ${problem.message}]`);
    else if (kept.length >= MAX_ATTACHMENTS_PER_MESSAGE) notes.push(`[${file.name} was not attached: a message takes at most ${MAX_ATTACHMENTS_PER_MESSAGE} files.]`);
    else kept.push({ file, ref: toAttachmentRef({ attachmentId: attachmentIdFor(mail.messageId, index), name: file.name, size: file.size, contentType: file.contentType }) });
  });
  return { kept, notes };
}

/** The files into S3 under the ticket and their records, linked to the (public) message they came with. */
async function storeAttachments(mail: InboundMail, ticketId: string, messageId: string | undefined, kept: Stored[]): Promise<void> {
  await Promise.all(kept.map(({ file, ref }) => objectStore.put(attachmentObjectKey(ticketId, ref.id), file.content, ref.contentType)));
  await ticketAttachmentRepository.putLinked(
    kept.map(({ ref }) => ({ ticketId, attachmentId: ref.id, name: ref.name, size: ref.size, contentType: ref.contentType, uploadedBy: `mail:${mail.from.email}`, visibility: 'public' as const, ...(messageId ? { messageId } : {}) })),
  );
}

/** A reply on the ticket the verified token names, or the refusal the ticket service gives. */
async function reply(mail: InboundMail, ticketId: string, kept: Stored[], body: string, resumed?: InboundMailReceiptRow): Promise<Handled> {
  let messageId = resumed?.ticketId === ticketId ? resumed.ticketMessageId : undefined;
  if (!messageId) {
    const added = await addEmailReply(ticketId, { fromEmail: mail.from.email, body, attachments: kept.map((k) => k.ref) });
    if (added.status === 'refused') return { outcome: 'refused', reason: added.reason };
    messageId = added.message.id;
    await inboundMailRepository.noteProgress(mail.messageId, { ticketId, ticketMessageId: messageId });
  }
  await storeAttachments(mail, ticketId, messageId, kept);
  return { outcome: 'reply_added', ticketId, messageId };
}

/** A new ticket for the sender's account, or the refusal the ticket service gives (an unknown sender). */
async function newTicket(mail: InboundMail, kept: Stored[], body: string, resumed?: InboundMailReceiptRow): Promise<Handled> {
  const opened = resumed?.ticketId ? await ticketRepository.get(resumed.ticketId) : undefined;
  let ticket = opened ? { id: opened.ticketId, number: opened.number } : undefined;
  if (!ticket) {
    const created = await createTicketFromEmail({ fromEmail: mail.from.email, fromName: mail.from.name, subject: mail.subject, body, attachments: kept.map((k) => k.ref) });
    if (created.status === 'refused') return { outcome: 'refused', reason: created.reason };
    ticket = created.ticket;
    await inboundMailRepository.noteProgress(mail.messageId, { ticketId: ticket.id });
  }
  await storeAttachments(mail, ticket.id, undefined, kept);
  return { outcome: 'ticket_created', ticketId: ticket.id, number: ticket.number };
}

async function route(mail: InboundMail, resumed?: InboundMailReceiptRow): Promise<Handled> {
  if (isOwnMail(mail)) return { outcome: 'ignored', reason: 'own_mail' };
  if (mail.automated) return { outcome: 'ignored', reason: 'automated' };
  if (!mail.from.email) return { outcome: 'refused', reason: 'unknown_sender' };
  const { kept, notes } = screen(mail);
  const body = [mail.text, ...notes].filter(Boolean).join('\n\n');
  if (mail.replyToken === undefined) return newTicket(mail, kept, body, resumed);
  // A token we did not sign (or for a ticket we never had) is refused: it opens no ticket and adds no reply.
  const ticketId = ticketIdFromReplyToken(mail.replyToken);
  if (!ticketId) return { outcome: 'refused', reason: 'invalid_reply_token' };
  return reply(mail, ticketId, kept, body, resumed);
}

/** Claim the mail, or say why not: handled before (a duplicate), or at work elsewhere right now. */
async function claim(mail: InboundMail): Promise<{ resumed?: InboundMailReceiptRow } | { duplicate: IntakeResult }> {
  const identity = { messageId: mail.messageId, fromEmail: mail.from.email, subject: mail.subject };
  if (await inboundMailRepository.claim(identity)) return {};
  const receipt = await inboundMailRepository.get(mail.messageId);
  if (!receipt) throw new Error(`Mail ${mail.messageId}: claim refused but no receipt found`);
  if (receipt.outcome) return { duplicate: { outcome: 'duplicate', previous: receipt.outcome } };
  if (Date.now() - Date.parse(receipt.claimedAt) < LIVE_CLAIM_MS) throw new InboundMailBusyError(mail.messageId);
  if (!(await inboundMailRepository.reclaim(receipt))) return { duplicate: { outcome: 'duplicate', previous: 'in_progress' } };
  return { resumed: receipt };
}

/**
 * Turn a parsed inbound mail into service desk work: a reply on the ticket its VERIFIED reply
 * token names, else a new ticket for the sender's account. Forged tokens and unknown senders
 * are refused (recorded with the reason, never a ticket or a reply); auto-replies and our own
 * mail are ignored; the same Message-ID twice is handled once.
 */
export async function intakeMail(mail: InboundMail): Promise<IntakeResult> {
  const claimed = await claim(mail);
  if ('duplicate' in claimed) return claimed.duplicate;
  try {
    const result = await route(mail, claimed.resumed);
    const reason = 'reason' in result ? result.reason : undefined;
    await inboundMailRepository.complete(mail.messageId, result.outcome, { ...(reason ? { reason } : {}) });
    const fields = { mailId: mail.messageId, from: mail.from.email, ...result };
    if (result.outcome === 'refused') logger.warn('inbound mail', fields);
    else logger.info('inbound mail', fields);
    return result;
  } catch (error) {
    // Should this fail too, the claim still goes stale by itself after LIVE_CLAIM_MS.
    await inboundMailRepository.abandon(mail.messageId).catch(() => undefined);
    throw error;
  }
}

/** Parse a raw MIME message and take it in (the SES Lambda and `npm run mail:in` alike). */
export async function intakeRawMail(raw: Buffer): Promise<IntakeResult> {
  return intakeMail(await parseInboundMail(raw));
}
