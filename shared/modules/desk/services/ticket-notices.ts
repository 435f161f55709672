import type { Locale } from '../../../platform/locale';
import type { DeskMail } from '../domain/desk-mails';
import { config } from '../../../platform/config';
import { newId } from '../../../platform/db/keys';
import { op, type transact } from '../../../platform/db/transaction';
import { outboxRepository } from '../../../platform/mail/outbox.repository';
import { companyProfileRepository } from '../../commerce/db/company-profile.repository';
import { timelineRepository } from '../../crm/db/timeline.repository';
import { partyName, partyRepository } from '../../identity/db/party.repository';
import { userRepository } from '../../identity/db/user.repository';
import { ticketMessageRepository, type TicketRecord } from '../db/ticket.repository';
import { replySubjectTag, threadMessageId } from './ticket-reply-token';

/** One operation of a ticket change's transaction. */
export type TransactItem = Parameters<typeof transact>[0][number];

/** The longest excerpt of a message on the timeline. */
const TIMELINE_EXCERPT = 200;

/** Where the customer follows (and rates) a ticket; where an agent works it. */
export const ticketUrl = (ticketId: string, portal: 'customer' | 'staff') => `${config().portalUrls[portal]}/ticket/?id=${encodeURIComponent(ticketId)}`;

/** A message shortened for the timeline. */
export const excerpt = (body: string) => (body.length > TIMELINE_EXCERPT ? `${body.slice(0, TIMELINE_EXCERPT - 1)}…` : body);

/** The company's name as ticket mails sign with it. */
export async function companyName(): Promise<string> {
  return (await companyProfileRepository.get())?.content.name ?? 'Relasi';
}

/** An e-mail about a ticket, its subject tagged with the number and reply token and threaded with the ticket's other mails, for the transaction of the change that causes it. */
export function ticketMailOperation(to: string, locale: Locale, template: DeskMail, ticket: Pick<TicketRecord, 'ticketId' | 'number' | 'subject'>, params: { name: string; url: string; company: string; message?: string }) {
  return op.put(outboxRepository.mailOperation(to, template, locale, { ...params, title: ticket.subject, reference: replySubjectTag(ticket.number, ticket.ticketId) }, threadMessageId(ticket.ticketId)));
}

/** An internal note written by the system (SLA breach, escalation), for a transaction. */
export function systemNoteOperation(ticketId: string, body: string, at: string) {
  // Only staff read these notes, in the staff portal.
  return ticketMessageRepository.createOperation({ ticketId, messageId: newId(), body, visibility: 'internal', authorId: 'system', authorName: 'Relasi', authorType: 'system', channel: 'staff', attachments: [], createdAt: at });
}

/** A timeline entry about a ticket on its account's 360° view. */
export function ticketTimelineOperation(ticket: Pick<TicketRecord, 'ticketId' | 'accountId'>, title: string, summary: string, channel?: string, actorId?: string) {
  return timelineRepository.addOperation({ accountId: ticket.accountId, type: 'ticket', recordId: ticket.ticketId, title, summary, channel, actorId });
}

/** The mail `template` to the ticket's customer contact, linking the customer portal; none without a contact or an address. */
export async function contactMail(ticket: TicketRecord, template: DeskMail, message?: string): Promise<TransactItem[]> {
  const contact = ticket.contactId ? await partyRepository.get(ticket.contactId) : undefined;
  if (!contact?.email) return [];
  const params = { name: partyName(contact), url: ticketUrl(ticket.ticketId, 'customer'), company: await companyName(), ...(message !== undefined ? { message } : {}) };
  return [ticketMailOperation(contact.email, contact.locale ?? 'id', template, ticket, params)];
}

/** The assignment mail to a newly assigned agent (not when agents take a ticket themselves). */
export async function assignmentMail(ticket: TicketRecord, actorId: string | undefined): Promise<TransactItem[]> {
  if (!ticket.assigneeId || ticket.assigneeId === actorId) return [];
  const agent = await userRepository.get(ticket.assigneeId);
  if (!agent) return [];
  return [ticketMailOperation(agent.email, agent.locale, 'ticket_assigned', ticket, { name: agent.name, url: ticketUrl(ticket.ticketId, 'staff'), company: await companyName() })];
}
