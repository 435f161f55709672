import { randomUUID } from 'node:crypto';
import { invoiceRepository } from '../../../shared/modules/commerce/db/invoice.repository';
import { orderRepository } from '../../../shared/modules/commerce/db/order.repository';
import { quoteRepository } from '../../../shared/modules/commerce/db/quote.repository';
import { accountRepository } from '../../../shared/modules/crm/db/account.repository';
import { ticketRepository } from '../../../shared/modules/desk/db/ticket.repository';
import { opportunityRepository } from '../../../shared/modules/sales/db/opportunity.repository';
import { call, demoWorld, SETUP_TIMEOUT_MS, type Answer, type DemoLogin } from '../../support/api.helper';
import { confirmedOrder, createCustomer, createOpportunity, createProduct, createQuote, tag } from '../../support/sales.helper';

// What the account page lists beside its contacts and timeline: the account's opportunities,
// quotes, orders, invoices and tickets, each read by one keyed query on the account.

const tokens = {} as Record<DemoLogin, string>;
let product: any;
let kitaId: string;
let fresh: { accountId: string; name: string; opportunityId: string; draftId: string; sentId: string; orderId: string; invoiceId: string; ticketId: string };

const LISTS = ['opportunities', 'quotes', 'orders', 'invoices', 'tickets'] as const;
const ids = (answer: Answer | undefined) => (answer?.body.items as { id: string }[]).map((item) => item.id);

beforeAll(async () => {
  Object.assign(tokens, await demoWorld());
  product = await createProduct(tokens.sales);
  const accounts = await call('GET', '/accounts?limit=100', { token: tokens.admin });
  kitaId = accounts.body.items.find((a: any) => a.name === 'PT. KITA').id;
  const { accountId } = await createCustomer(tokens.sales);
  const name = (await call('GET', `/accounts/${accountId}`, { token: tokens.sales })).body.name;
  const opportunityId = await createOpportunity(accountId);
  const draft = await createQuote(tokens.sales, accountId, product.id);
  const { quoteId: sentId, orderId } = await confirmedOrder(tokens.sales, accountId, product.id);
  const invoice = await call('POST', `/orders/${orderId}/invoice`, { token: tokens.sales, headers: { 'idempotency-key': randomUUID() } });
  expect(invoice.status).toBe(201);
  const ticket = await call('POST', '/tickets', { token: tokens.service, body: { accountId, channel: 'phone', subject: `Keluhan ${tag()}`, description: 'Makan siang terlambat.' } });
  expect(ticket.status).toBe(201);
  fresh = { accountId, name, opportunityId, draftId: draft.id, sentId, orderId, invoiceId: invoice.body.id ?? invoice.body.invoiceId, ticketId: ticket.body.id };
}, SETUP_TIMEOUT_MS);

afterEach(() => jest.restoreAllMocks());

describe("an account's related lists", () => {
  it("answers staff exactly the account's records, the invoice with its amount due, each from one keyed query on the account", async () => {
    const keyed = [opportunityRepository, quoteRepository, orderRepository, invoiceRepository, ticketRepository].map((repository) => jest.spyOn(repository, 'byAccount'));
    const scans = [quoteRepository, orderRepository, invoiceRepository].map((repository) => jest.spyOn(repository, 'all'));
    const answers = await Promise.all(LISTS.map((list) => call('GET', `/${list}?accountId=${fresh.accountId}&limit=5`, { token: tokens.admin })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    const [opportunities, quotes, orders, invoices, tickets] = answers as [Answer, Answer, Answer, Answer, Answer];
    expect(ids(opportunities)).toEqual([fresh.opportunityId]);
    expect(ids(quotes).sort()).toEqual([fresh.draftId, fresh.sentId].sort());
    expect(ids(orders)).toEqual([fresh.orderId]);
    expect(ids(invoices)).toEqual([fresh.invoiceId]);
    expect(invoices.body.items[0]).toMatchObject({ accountId: fresh.accountId, amountDue: expect.any(Number), total: expect.any(Number) });
    expect(invoices.body.items[0].amountDue).toBe(invoices.body.items[0].total);
    expect(ids(tickets)).toEqual([fresh.ticketId]);
    for (const spy of keyed) expect(spy.mock.calls.map((args) => args[0])).toEqual([fresh.accountId]);
    for (const spy of scans) expect(spy).not.toHaveBeenCalled();
  });

  it('pages each list by cursor, newest first, without repeating a record', async () => {
    const first = await call('GET', `/quotes?accountId=${fresh.accountId}&limit=1`, { token: tokens.sales });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call('GET', `/quotes?accountId=${fresh.accountId}&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: tokens.sales });
    expect([...ids(first), ...ids(second)].sort()).toEqual([fresh.draftId, fresh.sentId].sort());
    expect(first.body.items[0].createdAt >= second.body.items[0].createdAt).toBe(true);
  });

  it("names the account and owner on every opportunity it answers (list, board, one), reading the names in one batch per page", async () => {
    const batch = jest.spyOn(accountRepository, 'getMany');
    const single = jest.spyOn(accountRepository, 'get');
    const listed = await call('GET', `/opportunities?accountId=${fresh.accountId}`, { token: tokens.sales });
    expect(listed.body.items.map((o: any) => o.accountName)).toEqual([fresh.name]);
    const board = await call('GET', '/pipeline/board', { token: tokens.sales });
    const cards = board.body.columns.flatMap((column: any) => column.opportunities);
    expect(cards.length).toBeGreaterThan(1);
    expect(cards.every((card: any) => typeof card.accountName === 'string' && card.accountName.length > 0)).toBe(true);
    expect(cards.find((card: any) => card.id === fresh.opportunityId)?.accountName).toBe(fresh.name);
    // The demo's cards have a sales rep as owner (a staff login): named too; an id that is no login is left unnamed.
    expect(cards.filter((card: any) => card.ownerId && card.ownerId !== 'sales-rep').every((card: any) => typeof card.ownerName === 'string' && card.ownerName.length > 0)).toBe(true);
    expect(cards.find((card: any) => card.id === fresh.opportunityId)?.ownerName).toBeUndefined();
    expect(batch).toHaveBeenCalledTimes(2);
    expect(single).not.toHaveBeenCalled();
    expect((await call('GET', `/opportunities/${fresh.opportunityId}`, { token: tokens.sales })).body.accountName).toBe(fresh.name);
  });

  it('answers a customer contact of another account 404 on every document and ticket list, like a missing account, and 403 on opportunities', async () => {
    for (const list of ['quotes', 'orders', 'invoices', 'tickets']) {
      const foreign = await call('GET', `/${list}?accountId=${fresh.accountId}`, { token: tokens.customer });
      const missing = await call('GET', `/${list}?accountId=${randomUUID()}`, { token: tokens.customer });
      expect([list, foreign.status, foreign.body]).toEqual([list, 404, missing.body]);
    }
    expect((await call('GET', `/opportunities?accountId=${fresh.accountId}`, { token: tokens.customer })).status).toBe(403);
    expect((await call('GET', `/opportunities?accountId=${kitaId}`, { token: tokens.customer })).status).toBe(403);
  });

  it("shows a customer of the account only what a customer may see: no draft quote, which staff see", async () => {
    const draft = await createQuote(tokens.sales, kitaId, product.id);
    const staff = await call('GET', `/quotes?accountId=${kitaId}&limit=100`, { token: tokens.sales });
    expect(ids(staff)).toContain(draft.id);
    const customer = await call('GET', `/quotes?accountId=${kitaId}&limit=100`, { token: tokens.customer });
    expect(customer.status).toBe(200);
    expect(ids(customer)).not.toContain(draft.id);
    expect(customer.body.items.every((quote: any) => quote.accountId === kitaId && quote.status !== 'draft')).toBe(true);
    for (const list of ['orders', 'invoices', 'tickets']) {
      const answer = await call('GET', `/${list}?accountId=${kitaId}&limit=100`, { token: tokens.customer });
      expect([list, answer.status]).toEqual([list, 200]);
      expect(answer.body.items.every((item: any) => item.accountId === kitaId)).toBe(true);
    }
  });
});
