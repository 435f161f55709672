// The service desk world the tickets-*.test.ts files share: the demo with its service data and a
// round-the-clock chat policy, the stream feeding the mail catcher, and the calls the tests make.
import type { StreamPump } from '../../../infra/local/stream-pump';
import { DEFAULT_SLA_POLICY } from '../../../shared/modules/desk/domain/sla-policy';
import { partyRepository } from '../../../shared/modules/identity/db/party.repository';
import { ticketRepository, type TicketRecord } from '../../../shared/modules/desk/db/ticket.repository';
import { newUserRecord, userRepository } from '../../../shared/modules/identity/db/user.repository';
import { op, transact } from '../../../shared/platform/db/transaction';
import { hashPassword } from '../../../shared/platform/crypto/password';
import { seedServiceDemo } from '../../../infra/local/seed/service-demo';
import { replySubjectTag } from '../../../shared/modules/desk/services/ticket-reply-token';
import { call, demoWorld, login, type DemoLogin } from '../../support/api.helper';
import { startMailPump, waitForMail } from '../../support/mail.helper';
import { tag } from '../../support/sales.helper';

/** The demo logins' tokens, filled in by setUpTicketDesk. */
export const tokens = {} as Record<DemoLogin, string>;
let pump: StreamPump;
export const ids = {} as { kita: string; sinar: string; yeyen: string; hendra: string; agent: string; admin: string };
export const PASSWORD = 'ticket-test-password-2026';
export const calendar = DEFAULT_SLA_POLICY.calendar;
/** The test's round-the-clock policy for chats: first responses due this many minutes after creation, resolutions ten times that. */
export const CHAT_TARGETS = { urgent: 15, high: 45, normal: 240, low: 480 };
const allDay = { start: '00:00', end: '23:59' };
export const chatCalendar = { timeZone: 'Asia/Jakarta', hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay }, holidays: [] };

/** The file's beforeAll: a fresh demo table with the service demo, the mail pump, the ids the tests use and the chat policy. */
export async function setUpTicketDesk(): Promise<void> {
  Object.assign(tokens, await demoWorld());
  // The demo seed is to call this after seedDefaultSlaPolicy(); it is idempotent.
  await seedServiceDemo();
  pump = await startMailPump();
  const accounts = await call('GET', '/accounts?limit=100', { token: tokens.admin });
  const contacts = await call('GET', '/contacts?limit=100', { token: tokens.admin });
  const [agentMe, adminMe] = await Promise.all([call('GET', '/auth/me', { token: tokens.service }), call('GET', '/auth/me', { token: tokens.admin })]);
  Object.assign(ids, {
    kita: accounts.body.items.find((a: any) => a.name === 'PT. KITA').id,
    sinar: accounts.body.items.find((a: any) => a.name === 'PT. Sinar Pagi').id,
    yeyen: contacts.body.items.find((c: any) => c.lastName === 'Wulandari').id,
    hendra: contacts.body.items.find((c: any) => c.lastName === 'Gunawan').id,
    agent: agentMe.body.user.id,
    admin: adminMe.body.user.id,
  });
  const chatPolicy = await call('POST', '/sla-policies', {
    token: tokens.admin,
    body: {
      name: 'Chat around the clock',
      timeZone: chatCalendar.timeZone,
      businessHours: chatCalendar.hours,
      targets: Object.fromEntries(Object.entries(CHAT_TARGETS).map(([priority, minutes]) => [priority, { firstResponseMinutes: minutes, resolutionMinutes: minutes * 10 }])),
      appliesTo: { channels: ['chat'] },
      rank: 1,
    },
  });
  expect(chatPolicy.status).toBe(201);
}

/** The file's afterAll. */
export const stopTicketDesk = () => pump.stop();

/** A contact of the account with a customer login of its own (unique e-mail), linked in `role`. */
export async function customerLogin(accountId: string, role: string) {
  const email = `kontak-${tag()}@pelanggan.example`;
  const contact = await call('POST', '/contacts', { token: tokens.sales, body: { firstName: 'Dian', lastName: `Kontak ${tag()}`, email, accountId, role } });
  expect(contact.status).toBe(201);
  const user = newUserRecord({ partyId: contact.body.id, email, name: 'Dian Kontak', passwordHash: await hashPassword(PASSWORD), status: 'active', audiences: ['customer'], roles: [], locale: 'en' });
  await transact([...userRepository.createOperations(user).map(op.put), op.update(partyRepository.attachUserOperation(contact.body.id, user.userId))]);
  return { token: await login(email, PASSWORD), contactId: contact.body.id as string, email };
}

/** A new ticket opened with `token`: a subject of its own and a description unless `body` says otherwise. */
export async function openTicket(token: string, body: Record<string, unknown>) {
  const answer = await call('POST', '/tickets', { token, body: { subject: `Keluhan ${tag()}`, description: 'Makan siang terlambat.', ...body } });
  if (answer.status !== 201) throw new Error(`ticket ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A phone ticket on PT. KITA opened by the service agent. */
export const staffTicket = (body: Record<string, unknown>) => openTicket(tokens.service, { accountId: ids.kita, channel: 'phone', ...body });

/** The ticket as `token` reads it. */
export async function read(id: string, token = tokens.service) {
  return (await call('GET', `/tickets/${id}`, { token })).body;
}

/** A change to the ticket at its current version. */
export async function patch(id: string, body: Record<string, unknown>, token = tokens.service) {
  const current = await read(id);
  return call('PATCH', `/tickets/${id}`, { token, headers: { 'if-match': String(current.version) }, body });
}

/** A message on the ticket. */
export async function post(id: string, body: Record<string, unknown>, token = tokens.service) {
  return call('POST', `/tickets/${id}/messages`, { token, body });
}

/** The ticket's messages as `token` sees them. */
export async function messages(id: string, token = tokens.service) {
  const answer = await call('GET', `/tickets/${id}/messages?limit=100`, { token });
  expect(answer.status).toBe(200);
  return answer.body.items as any[];
}

/** A ticket list (`query`: queue, accountId) as `token` sees it. */
export async function list(query: string, token = tokens.service) {
  const answer = await call('GET', `/tickets?limit=100&${query}`, { token });
  expect(answer.status).toBe(200);
  return answer.body.items as any[];
}

/** The account's timeline as the admin sees it. */
export async function timeline(accountId = ids.kita) {
  return (await call('GET', `/accounts/${accountId}/timeline?limit=100`, { token: tokens.admin })).body.items as any[];
}

/** The resolution mail's subject, in either language of the recipient. */
export const RESOLVED = /is resolved|telah diselesaikan/;

/** The newest mail to `address` about the ticket, waiting for it to arrive. */
export const mailFor = (address: string, ticket: { id: string; number: string }) => waitForMail(address, (m) => m.subject.includes(replySubjectTag(ticket.number, ticket.id)));

/** Store a ticket as it would be after time passed (for clocks and metrics). */
export async function rewrite(ticketId: string, change: (ticket: TicketRecord) => TicketRecord) {
  const current = (await ticketRepository.get(ticketId))!;
  await transact(ticketRepository.saveOperations({ ...change(current), version: current.version + 1 }, current.version));
}
