import { createHash } from 'node:crypto';
import type { Attachment } from '../schemas/ticket.schema';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../schemas/ticket-attachment.schema';
import { config } from '../../../platform/config';
import type { InboundMailOutcome } from '../db/inbound-mail-receipt.entity';
import { inboundMailRepository, type InboundMailReceiptRow } from '../db/inbound-mail.repository';
import { attachmentObjectKey, ticketAttachmentRepository, toAttachmentRef } from '../db/ticket-attachment.repository';
import { ticketRepository } from '../db/ticket.repository';
import { objectStore } from '../../../platform/storage/s3-client';
import { attachmentProblem } from './ticket-attachment.service';
import { ticketIdFromReplyToken } from './ticket-reply-token';
import { addEmailReply, createTicketFromEmail } from './ticket.service';
import { parseInboundMail, type InboundAttachment, type InboundMail } from './email-parse';

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
    console.log(JSON.stringify({ level: result.outcome === 'refused' ? 'warn' : 'info', message: 'inbound mail', mailId: mail.messageId, from: mail.from.email, ...result }));
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
