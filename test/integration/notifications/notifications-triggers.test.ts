import { LeadEntity } from '../../../shared/modules/sales/db/lead.entity';
import { OpportunityEntity } from '../../../shared/modules/sales/db/opportunity.entity';
import { TicketEntity } from '../../../shared/modules/desk/db/ticket.entity';
import { QuoteEntity } from '../../../shared/modules/commerce/db/quote.entity';
import { sweepTickets } from '../../../shared/modules/desk/services/sla-sweep.service';
import { call, demoWorld, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { createOpportunity, createProduct, createQuote } from '../../support/sales.helper';
import { bell, handOver, mailsAbout, newStaff, partition, sendQueuedMail, storedItem, tag, type Staff } from './notifications.fixture';

let tokens: Record<DemoLogin, string>;
let dewi: Staff;
let budi: Staff;
let sari: Staff;
let kita: string;

/** The partition key ElectroDB gives a record (keys are lower-cased). */
const pkOf = (params: object) => String((params as { Key: { pk: string } }).Key.pk);

beforeAll(async () => {
  tokens = await demoWorld();
  [dewi, budi, sari] = await Promise.all([newStaff(tokens.admin), newStaff(tokens.admin, ['sales'], 'id'), newStaff(tokens.admin, ['service'])]);
  const accounts = await call('GET', '/accounts?limit=100', { token: tokens.admin });
  kita = accounts.body.items.find((a: any) => a.name === 'PT. KITA').id;
}, SETUP_TIMEOUT_MS);

const ofKind = async (who: Staff, kind: string, recordId: string) => (await bell(who.token)).items.filter((n) => n.kind === kind && n.record.id === recordId);

describe('assignment', () => {
  it('tells the new owner of a lead once, by the bell and an e-mail in their language, however often the record is replayed', async () => {
    const title = `Katering kantor ${tag()}`;
    const created = await call('POST', '/leads', { token: tokens.admin, body: { title, contactName: 'Rudi', ownerId: dewi.id } });
    expect(created.status).toBe(201);
    const pk = pkOf(LeadEntity().get({ leadId: created.body.id }).params());
    const inserted = await storedItem(pk, 'lead');
    await handOver('INSERT', inserted);
    await handOver('INSERT', inserted);
    expect(await ofKind(dewi, 'lead_assigned', created.body.id)).toEqual([expect.objectContaining({ record: { type: 'lead', id: created.body.id, title }, readAt: null })]);

    const moved = await call('PATCH', `/leads/${created.body.id}`, { token: tokens.admin, headers: { 'if-match': String(created.body.version) }, body: { ownerId: budi.id } });
    expect(moved.status).toBe(200);
    const modified = await storedItem(pk, 'lead');
    await handOver('MODIFY', modified, inserted);
    await handOver('MODIFY', modified, inserted);
    expect(await ofKind(budi, 'lead_assigned', created.body.id)).toHaveLength(1);
    expect(await ofKind(dewi, 'lead_assigned', created.body.id)).toHaveLength(1);

    await sendQueuedMail();
    const dewiMails = await mailsAbout(dewi.email, title);
    expect(dewiMails.map((m) => m.subject)).toEqual([`Lead assigned to you: ${title}`]);
    expect(dewiMails[0]!.body.html).toContain(`/lead/?id=${created.body.id}`);
    expect((await mailsAbout(budi.email, title)).map((m) => m.subject)).toEqual([`Prospek ditugaskan kepada Anda: ${title}`]);
  });

  it('tells the owner of an opportunity once; a change that keeps the owner tells no one', async () => {
    const opportunityId = await createOpportunity(kita, dewi.id);
    const pk = pkOf(OpportunityEntity().get({ opportunityId }).params());
    const item = await storedItem(pk, 'opportunity');
    await handOver('INSERT', item);
    await handOver('INSERT', item);
    await handOver('MODIFY', { ...item, version: Number(item.version) + 1, amount: 1 }, item);
    expect(await ofKind(dewi, 'opportunity_assigned', opportunityId)).toHaveLength(1);
  });
});

describe('tickets', () => {
  it('rings the agent’s bell once on assignment (the desk’s own mail stays the only one) and once per customer reply', async () => {
    const subject = `Kotak rusak ${tag()}`;
    const ticket = await call('POST', '/tickets', { token: tokens.admin, body: { subject, description: 'Tiga kotak penyok.', accountId: kita, channel: 'phone', assigneeId: sari.id } });
    expect(ticket.status).toBe(201);
    const pk = pkOf(TicketEntity().get({ ticketId: ticket.body.id }).params());
    const item = await storedItem(pk, 'ticket');
    await handOver('INSERT', item);
    await handOver('INSERT', item);
    expect(await ofKind(sari, 'ticket_assigned', ticket.body.id)).toEqual([expect.objectContaining({ record: { type: 'ticket', id: ticket.body.id, title: `${ticket.body.number} · ${subject}` } })]);

    const reply = await call('POST', `/tickets/${ticket.body.id}/messages`, { token: tokens.customer, body: { body: 'Kapan penggantinya datang?' } });
    expect(reply.status).toBe(201);
    const message = (await partition(pk)).find((i) => i.__edb_e__ === 'ticketMessage' && i.authorType === 'customer');
    expect(message).toBeDefined();
    await handOver('INSERT', message!);
    await handOver('INSERT', message!);
    expect(await ofKind(sari, 'customer_replied', ticket.body.id)).toHaveLength(1);

    await sendQueuedMail();
    const subjects = (await mailsAbout(sari.email, subject)).map((m) => m.subject);
    expect(subjects.filter((s) => s.startsWith('Ticket assigned to you:'))).toHaveLength(1);
    expect(subjects.filter((s) => s.startsWith('The customer replied:'))).toEqual([`The customer replied: ${ticket.body.number} · ${subject}`]);
  });

  it('warns the agent once when the SLA deadline is close, however often the sweep runs', async () => {
    const ticket = await call('POST', '/tickets', { token: tokens.admin, body: { subject: `Menu salah ${tag()}`, description: 'Pesanan tertukar.', accountId: kita, channel: 'phone', assigneeId: sari.id } });
    expect(ticket.status).toBe(201);
    const due = Date.parse(ticket.body.sla.firstResponseDueAt);
    const early = await sweepTickets(new Date(due - 3 * 60 * 60_000));
    expect(await ofKind(sari, 'sla_breach_soon', ticket.body.id)).toHaveLength(0);
    expect(early.warned).toBeGreaterThanOrEqual(0);
    await sweepTickets(new Date(due - 30 * 60_000));
    await sweepTickets(new Date(due - 25 * 60_000));
    expect(await ofKind(sari, 'sla_breach_soon', ticket.body.id)).toHaveLength(1);
  });
});

describe('quotes', () => {
  it('tells the quote’s author once when the customer accepts it', async () => {
    const product = await createProduct(tokens.admin);
    const quote = await createQuote(dewi.token, kita, product.id);
    expect((await call('POST', `/quotes/${quote.id}/send`, { token: dewi.token })).status).toBe(200);
    const pk = pkOf(QuoteEntity().get({ quoteId: quote.id }).params());
    const sent = await storedItem(pk, 'quote');
    await handOver('MODIFY', sent, { ...sent, status: 'draft' });
    expect(await ofKind(dewi, 'quote_accepted', quote.id)).toHaveLength(0);
    expect((await call('POST', `/quotes/${quote.id}/accept`, { token: tokens.customer })).status).toBe(200);
    const accepted = await storedItem(pk, 'quote');
    await handOver('MODIFY', accepted, sent);
    await handOver('MODIFY', accepted, sent);
    expect(await ofKind(dewi, 'quote_accepted', quote.id)).toEqual([expect.objectContaining({ record: { type: 'quote', id: quote.id, title: quote.number } })]);
    await sendQueuedMail();
    expect((await mailsAbout(dewi.email, quote.number)).filter((m) => m.subject.startsWith('Quote accepted'))).toHaveLength(1);
  });
});
