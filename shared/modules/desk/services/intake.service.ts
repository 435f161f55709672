import type { Attachment, Ticket, TicketCreate } from '../schemas/ticket.schema';
import { isStaff, type Actor } from '../../identity/domain/identity';
import { CUSTOMER_CHANNEL, ticketPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { BusinessRuleError, NotFoundError, ValidationError } from '../../../platform/errors';
import type { TicketChannel } from '../domain/service-vocabulary';
import type { MessageAuthor } from '../domain/ticket';
import { assigneeFor, openLoadChanges, teamFor } from '../domain/ticket-assignment';
import { pickSlaPolicy, startSla } from '../domain/sla-policy';
import { nowIso } from '../../../platform/clock';
import { newId } from '../../../platform/db/keys';
import { transact } from '../../../platform/db/transaction';
import { documentCounterRepository } from '../../../platform/db/document-counter.repository';
import { accountContactRepository } from '../../crm/db/account-contact.repository';
import { accountRepository } from '../../crm/db/account.repository';
import type { AccountRow } from '../../crm/db/account.entity';
import { activityRepository } from '../../sales/db/activity.repository';
import { partyName, partyRepository } from '../../identity/db/party.repository';
import type { PartyRow } from '../../identity/db/party.entity';
import { serviceSettingsRepository } from '../db/service-settings.repository';
import { slaPolicyRepository } from '../db/sla-policy.repository';
import { agentLoadRepository, ticketMessageRepository, ticketRepository, type TicketRecord } from '../db/ticket.repository';
import { toTicket } from './desk-views';
import { serviceSettingsService } from './settings.service';
import { refuseFields } from './ticket-access';
import { assignmentMail, contactMail, ticketTimelineOperation } from './ticket-notices';
import { ensureActiveAgent, FALLBACK_SLA_POLICY } from './ticket-workflow';

type Intake = {
  account: AccountRow;
  contactId?: string;
  channel: TicketChannel;
  subject: string;
  description: string;
  priority: Ticket['priority'];
  severity?: Ticket['severity'];
  category?: string;
  assigneeId?: string;
  teamId?: string;
  activityId?: string;
  createdBy?: string;
  /** The opening message when the ticket came with files (an e-mail's attachments). */
  opening?: { author: MessageAuthor; attachments: Attachment[] };
};

/**
 * Open a ticket: team by category (else the default team), the least loaded member of it
 * (round-robin on ties), the SLA clock from the matching policy, a number from the counter;
 * ticket, queue entry, agent load, rotation, timeline and mails in one transaction.
 */
async function openTicket(intake: Intake): Promise<TicketRecord> {
  const settings = await serviceSettingsService.current();
  const team = intake.teamId ? settings.teams.find((t) => t.id === intake.teamId) : teamFor(intake.category, settings);
  if (intake.teamId && !team) throw new BusinessRuleError('unknown_team', 'There is no such service team.');
  let assigneeId = intake.assigneeId;
  let rotated = false;
  if (!assigneeId && team) {
    const [counts, last] = await Promise.all([agentLoadRepository.openCounts(team.memberIds), serviceSettingsRepository.lastAssigned(team.id)]);
    assigneeId = assigneeFor(team, counts, last);
    rotated = assigneeId !== undefined;
  }
  const policy = pickSlaPolicy(await slaPolicyRepository.listActive(), { category: intake.category, channel: intake.channel, accountTier: intake.account.tier }) ?? FALLBACK_SLA_POLICY;
  const at = nowIso();
  const ticket: TicketRecord = {
    ticketId: newId(),
    number: await documentCounterRepository.next('ticket'),
    subject: intake.subject,
    description: intake.description,
    accountId: intake.account.accountId,
    ...(intake.contactId ? { contactId: intake.contactId } : {}),
    channel: intake.channel,
    priority: intake.priority,
    ...(intake.severity !== undefined ? { severity: intake.severity } : {}),
    ...(intake.category ? { category: intake.category } : {}),
    status: 'new',
    ...(assigneeId ? { assigneeId } : {}),
    ...(team ? { teamId: team.id } : {}),
    ...(intake.activityId ? { activityId: intake.activityId } : {}),
    sla: startSla(policy, intake.priority, at),
    ...(intake.createdBy ? { createdBy: intake.createdBy } : {}),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const [toContact, toAgent] = await Promise.all([contactMail(ticket, 'ticket_created'), assignmentMail(ticket, intake.createdBy)]);
  await transact([
    ...ticketRepository.createOperations(ticket),
    ...agentLoadRepository.adjustOperations(openLoadChanges(undefined, ticket)),
    ...(rotated && team && assigneeId ? [serviceSettingsRepository.rotationOperation(team.id, assigneeId)] : []),
    ticketTimelineOperation(ticket, `Ticket ${ticket.number} opened`, ticket.subject, ticket.channel, intake.createdBy),
    ...(intake.opening
      ? [ticketMessageRepository.createOperation({ ticketId: ticket.ticketId, messageId: newId(), body: ticket.description, visibility: 'public', authorId: intake.opening.author.id, authorName: intake.opening.author.name, authorType: intake.opening.author.type, channel: ticket.channel, attachments: intake.opening.attachments, createdAt: at })]
      : []),
    ...toContact,
    ...toAgent,
  ]);
  return ticket;
}

/** The account a ticket is opened on: named, or the customer's only one. */
async function intakeAccount(actor: Actor, accountId: string | undefined): Promise<AccountRow> {
  const id = accountId ?? (!isStaff(actor) && actor.accountIds.length === 1 ? actor.accountIds[0] : undefined);
  if (!id) throw new ValidationError('Name the account of the ticket.', undefined, 'account_required');
  const account = await accountRepository.get(id);
  if (!account) {
    if (!isStaff(actor)) throw new NotFoundError('Account');
    throw new BusinessRuleError('unknown_account', 'The account does not exist.');
  }
  return account;
}

/** A customer contact's ticket on `account`: normal priority, the contact as its contact, files on its opening message. */
export async function openForContact(contact: PartyRow, account: AccountRow, input: Pick<TicketCreate, 'subject' | 'description' | 'category'>, channel: TicketChannel, attachments: Attachment[]): Promise<TicketRecord> {
  return openTicket({
    account,
    contactId: contact.partyId,
    channel,
    subject: input.subject,
    description: input.description,
    priority: 'normal',
    ...(input.category ? { category: input.category } : {}),
    ...(attachments.length > 0 ? { opening: { author: { id: contact.partyId, name: partyName(contact), type: 'customer' }, attachments } } : {}),
  });
}

/** Open a ticket for `actor` (policy already checked): a customer's through the customer portal, staff's through the channel they name. */
async function createFor(actor: Actor, input: TicketCreate): Promise<TicketRecord> {
  const account = await intakeAccount(actor, input.accountId);
  if (!isStaff(actor)) {
    const contact = await partyRepository.get(actor.partyId);
    if (!contact) throw new NotFoundError('Contact');
    return openForContact(contact, account, input, CUSTOMER_CHANNEL, []);
  }
  if (!input.channel) throw new ValidationError('Say through which channel the ticket came in.', undefined, 'channel_required');
  if (input.contactId && !(await accountContactRepository.get(account.accountId, input.contactId))) throw new BusinessRuleError('unknown_contact', 'The contact is not a contact of this account.');
  if (input.activityId) {
    const activity = await activityRepository.get(input.activityId);
    if (!activity || activity.type !== 'call' || activity.accountId !== account.accountId) throw new BusinessRuleError('unknown_activity', 'The activity is not a call on this account.');
  }
  if (input.assigneeId) await ensureActiveAgent(input.assigneeId);
  return openTicket({
    account,
    ...(input.contactId ? { contactId: input.contactId } : {}),
    channel: input.channel,
    subject: input.subject,
    description: input.description,
    priority: input.priority ?? 'normal',
    ...(input.severity !== undefined ? { severity: input.severity } : {}),
    ...(input.category ? { category: input.category } : {}),
    ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}),
    ...(input.teamId ? { teamId: input.teamId } : {}),
    ...(input.activityId ? { activityId: input.activityId } : {}),
    createdBy: actor.userId,
  });
}

/** Opening tickets through the API: a customer in the portal, staff logging a call, a web form, a chat… */
export const ticketIntakeService = {
  /** A customer opens a ticket in the portal on one of its accounts; staff log one from a call, a web form, a chat… */
  async create(actor: Actor, input: TicketCreate): Promise<Ticket> {
    enforce(ticketPolicy.create(actor, input.accountId), 'Account');
    refuseFields(ticketPolicy.refusedIntakeFields(actor, input).map((field) => ({ field, message: field === 'channel' ? `A customer's ticket comes through the customer portal: channel may only be ${CUSTOMER_CHANNEL}.` : `Only staff set ${field}.` })));
    return toTicket(await createFor(actor, input));
  },
};
