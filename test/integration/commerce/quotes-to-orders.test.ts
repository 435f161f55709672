import { randomUUID } from 'node:crypto';
import { opportunityRepository } from '../../../shared/modules/sales/db/opportunity.repository';
import { call, SETUP_TIMEOUT_MS } from '../../support/api.helper';
import { waitForMail } from '../../support/mail.helper';
import { confirmedOrder, createCustomer, createOpportunity, createQuote, tag } from '../../support/sales.helper';
import { kitaId, product, setUpQuotes, sinarId, stopQuotes, tokens } from './quotes.fixture';

beforeAll(setUpQuotes, SETUP_TIMEOUT_MS);
afterAll(stopQuotes);

describe('send, accept, confirm', () => {
  it('sends the quote by e-mail to the primary contact with a customer-portal link, and records it on the timeline', async () => {
    const customer = await createCustomer(tokens.sales);
    const quote = await createQuote(tokens.sales, customer.accountId, product.id);
    const sent = await call('POST', `/quotes/${quote.id}/send`, { token: tokens.sales });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'sent', version: 2 });
    expect(typeof sent.body.sentAt).toBe('string');

    const mail = await waitForMail(customer.email);
    expect(mail.subject).toContain('PT. Kaktus Berduri');
    expect(mail.body.text).toContain(`/quote/?id=${quote.id}`);

    const timeline = await call('GET', `/accounts/${customer.accountId}/timeline?limit=10`, { token: tokens.sales });
    expect(timeline.body.items.map((i: any) => i.title)).toEqual(expect.arrayContaining([`Quote ${quote.number} created`, `Quote ${quote.number} sent`]));
  });

  it('refuses to send an empty quote or one for an account without a primary contact', async () => {
    const empty = await call('POST', '/quotes', { token: tokens.sales, body: { accountId: kitaId, currency: 'IDR', lines: [] } });
    expect((await call('POST', `/quotes/${empty.body.id}/send`, { token: tokens.sales })).body.error.code).toBe('quote_empty');
    const account = await call('POST', '/accounts', { token: tokens.sales, body: { name: `PT. Tanpa Kontak ${randomUUID()}` } });
    const quote = await createQuote(tokens.sales, account.body.id, product.id);
    const answer = await call('POST', `/quotes/${quote.id}/send`, { token: tokens.sales });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('no_primary_contact');
  });

  it('lets the customer see and accept its own quote, but not staff', async () => {
    const quote = await createQuote(tokens.sales, kitaId, product.id);
    // A draft is not shown to the customer at all.
    expect((await call('GET', `/quotes/${quote.id}`, { token: tokens.customer })).status).toBe(404);
    expect((await call('POST', `/quotes/${quote.id}/accept`, { token: tokens.customer })).status).toBe(404);
    expect((await call('GET', '/quotes?limit=100', { token: tokens.customer })).body.items.map((q: any) => q.id)).not.toContain(quote.id);
    await call('POST', `/quotes/${quote.id}/send`, { token: tokens.sales });

    const list = await call('GET', '/quotes?limit=100', { token: tokens.customer });
    expect(list.status).toBe(200);
    expect(list.body.items.map((q: any) => q.id)).toContain(quote.id);
    expect(list.body.items.every((q: any) => q.accountId === kitaId)).toBe(true);

    expect((await call('POST', `/quotes/${quote.id}/accept`, { token: tokens.sales })).status).toBe(403);
    const accepted = await call('POST', `/quotes/${quote.id}/accept`, { token: tokens.customer });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    expect((await call('POST', `/quotes/${quote.id}/accept`, { token: tokens.customer })).status).toBe(409);
    const timeline = await call('GET', `/accounts/${kitaId}/timeline?limit=5`, { token: tokens.sales });
    expect(timeline.body.items.map((i: any) => i.title)).toContain(`Quote ${quote.number} accepted`);
  });

  it("hides another account's quote from the customer exactly like a missing one", async () => {
    const foreign = await createQuote(tokens.sales, sinarId, product.id);
    await call('POST', `/quotes/${foreign.id}/send`, { token: tokens.sales });
    for (const [method, path] of [['GET', ''], ['GET', '/pdf'], ['POST', '/accept'], ['POST', '/confirm'], ['POST', '/send'], ['PATCH', '']] as const) {
      const options = method === 'PATCH' ? { token: tokens.customer, headers: { 'if-match': '2' }, body: { status: 'cancelled' } } : { token: tokens.customer };
      const answer = await call(method, `/quotes/${foreign.id}${path}`, options);
      const missing = await call(method, `/quotes/${randomUUID()}${path}`, options);
      expect([path, answer.status, answer.body]).toEqual([path, 404, missing.body]);
    }
    const list = await call('GET', `/quotes?accountId=${sinarId}`, { token: tokens.customer });
    expect(list.status).toBe(404);
    expect((await call('GET', `/quotes/${foreign.id}`, { token: tokens.sales })).body.status).toBe('sent');
  });

  it('refuses partners and investors (403) and anonymous callers (401)', async () => {
    const quote = await createQuote(tokens.sales, kitaId, product.id);
    for (const who of ['partner', 'investor'] as const) {
      expect((await call('GET', '/quotes', { token: tokens[who] })).status).toBe(403);
      expect((await call('GET', `/quotes/${quote.id}`, { token: tokens[who] })).status).toBe(403);
      expect((await call('GET', `/quotes/${randomUUID()}`, { token: tokens[who] })).status).toBe(403);
      expect((await call('POST', `/quotes/${quote.id}/confirm`, { token: tokens[who] })).status).toBe(403);
    }
    expect((await call('GET', '/quotes')).status).toBe(401);
  });

  it('confirms into exactly one order even with two concurrent confirms, and wins the opportunity', async () => {
    const opportunityId = await createOpportunity(kitaId);
    const quote = await createQuote(tokens.sales, kitaId, product.id, { opportunityId });
    await call('POST', `/quotes/${quote.id}/send`, { token: tokens.sales });
    await call('POST', `/quotes/${quote.id}/accept`, { token: tokens.customer });

    const answers = await Promise.all([call('POST', `/quotes/${quote.id}/confirm`, { token: tokens.sales }), call('POST', `/quotes/${quote.id}/confirm`, { token: tokens.admin })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.body.error.code).toBe('quote_already_confirmed');
    const { orderId } = answers.find((a) => a.status === 201)!.body;

    const orders = await call('GET', `/orders?accountId=${kitaId}&limit=100`, { token: tokens.sales });
    expect(orders.body.items.filter((o: any) => o.quoteId === quote.id).map((o: any) => o.id)).toEqual([orderId]);
    const order = await call('GET', `/orders/${orderId}`, { token: tokens.sales });
    expect(order.body).toMatchObject({ quoteId: quote.id, accountId: kitaId, status: 'confirmed', total: quote.total, lines: quote.lines });
    expect(order.body.number).toMatch(/^SO-\d{4}-\d{5}$/);

    const confirmed = await call('GET', `/quotes/${quote.id}`, { token: tokens.sales });
    expect(confirmed.body).toMatchObject({ status: 'confirmed', orderId });
    const opportunity = await opportunityRepository.get(opportunityId);
    expect(opportunity).toMatchObject({ status: 'won', stage: 'won', probability: 100 });

    const again = await call('POST', `/quotes/${quote.id}/confirm`, { token: tokens.sales });
    expect(again.status).toBe(409);
    const timeline = await call('GET', `/accounts/${kitaId}/timeline?limit=10`, { token: tokens.sales });
    expect(timeline.body.items.map((i: any) => i.title)).toEqual(expect.arrayContaining([`Quote ${quote.number} confirmed`, `Sales order ${order.body.number} created`]));
  });

  it('confirms a draft (sending is optional): the worked example for a new account without a primary contact, to the invoice', async () => {
    const t = tag();
    const account = await call('POST', '/accounts', { token: tokens.sales, body: { name: `PT. Langsung ${t}` } });
    expect(account.status).toBe(201);
    const accountId = account.body.id;
    const lead = await call('POST', '/leads', { token: tokens.sales, body: { title: `Katering kantor ${t}`, contactName: `Dewi Langsung ${t}`, source: 'phone' } });
    expect(lead.status).toBe(201);
    const converted = await call('POST', `/leads/${lead.body.id}/convert`, {
      token: tokens.sales,
      body: { accountId, opportunity: { name: `Katering kantor ${t}`, expectedRevenue: { amount: 50_000_000, currency: 'IDR' } } },
    });
    expect(converted.status).toBe(201);
    const { opportunityId } = converted.body;

    const quote = await call('POST', '/quotes', { token: tokens.sales, body: { accountId, opportunityId, currency: 'IDR' } });
    expect(quote.status).toBe(201);
    // A draft without lines is no sale.
    const empty = await call('POST', `/quotes/${quote.body.id}/confirm`, { token: tokens.sales });
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('quote_empty');
    const withLines = await call('PATCH', `/quotes/${quote.body.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { lines: [{ productId: product.id, quantity: 4 }] } });
    expect(withLines.status).toBe(200);
    // Nobody to e-mail the quote to: sending is impossible, confirming is not.
    expect((await call('POST', `/quotes/${quote.body.id}/send`, { token: tokens.sales })).body.error.code).toBe('no_primary_contact');

    const confirmed = await call('POST', `/quotes/${quote.body.id}/confirm`, { token: tokens.sales });
    expect(confirmed.status).toBe(201);
    const { orderId } = confirmed.body;
    expect((await call('GET', `/quotes/${quote.body.id}`, { token: tokens.sales })).body).toMatchObject({ status: 'confirmed', orderId });
    const order = await call('GET', `/orders/${orderId}`, { token: tokens.sales });
    expect(order.body).toMatchObject({ quoteId: quote.body.id, accountId, status: 'confirmed', total: withLines.body.total, lines: withLines.body.lines });
    expect((await call('GET', `/opportunities/${opportunityId}`, { token: tokens.sales })).body).toMatchObject({ status: 'won', stage: 'won' });

    const invoiced = await call('POST', `/orders/${orderId}/invoice`, { token: tokens.sales });
    expect(invoiced.status).toBe(201);
    const invoice = await call('GET', `/invoices/${invoiced.body.invoiceId}`, { token: tokens.sales });
    expect(invoice.body).toMatchObject({ orderId, accountId, status: 'issued', total: withLines.body.total, amountDue: withLines.body.total });
  });

  it('does not confirm a cancelled quote, and the customer cannot confirm a draft or a sent quote', async () => {
    const cancelled = await createQuote(tokens.sales, kitaId, product.id);
    await call('PATCH', `/quotes/${cancelled.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { status: 'cancelled' } });
    const refused = await call('POST', `/quotes/${cancelled.id}/confirm`, { token: tokens.sales });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('quote_not_confirmable');

    const quote = await createQuote(tokens.sales, kitaId, product.id);
    // A draft is not shown to the customer at all; a sent one is, but confirming is the seller's act.
    expect((await call('POST', `/quotes/${quote.id}/confirm`, { token: tokens.customer })).status).toBe(404);
    await call('POST', `/quotes/${quote.id}/send`, { token: tokens.sales });
    expect((await call('POST', `/quotes/${quote.id}/confirm`, { token: tokens.customer })).status).toBe(403);
    expect((await call('GET', `/quotes/${quote.id}`, { token: tokens.sales })).body).toMatchObject({ status: 'sent' });
    expect((await call('GET', `/orders?accountId=${kitaId}&limit=100`, { token: tokens.sales })).body.items.filter((o: any) => [quote.id, cancelled.id].includes(o.quoteId))).toEqual([]);
  });

  it('cancels an unconfirmed quote; a cancelled quote cannot be sent', async () => {
    const quote = await createQuote(tokens.sales, kitaId, product.id);
    const cancelled = await call('PATCH', `/quotes/${quote.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { status: 'cancelled' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await call('POST', `/quotes/${quote.id}/send`, { token: tokens.sales })).status).toBe(422);
  });
});

describe('sales order status', () => {
  it('moves an order through its statuses and refuses an invalid transition', async () => {
    const { orderId } = await confirmedOrder(tokens.sales, kitaId, product.id);
    const started = await call('PATCH', `/orders/${orderId}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { status: 'in_progress' } });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: 'in_progress', version: 2 });
    const skip = await call('PATCH', `/orders/${orderId}`, { token: tokens.sales, headers: { 'if-match': '2' }, body: { status: 'delivered' } });
    expect(skip.status).toBe(422);
    expect(skip.body.error.code).toBe('invalid_status_transition');
    const stale = await call('PATCH', `/orders/${orderId}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { status: 'shipped' } });
    expect(stale.status).toBe(409);
    const bad = await call('PATCH', `/orders/${orderId}`, { token: tokens.sales, headers: { 'if-match': '2' }, body: { status: 'teleported' } });
    expect(bad.status).toBe(400);
    expect((await call('PATCH', `/orders/${orderId}`, { token: tokens.customer, headers: { 'if-match': '2' }, body: { status: 'shipped' } })).status).toBe(403);
    const customerView = await call('GET', `/orders/${orderId}`, { token: tokens.customer });
    expect(customerView.body.status).toBe('in_progress');
  });

  it("hides another account's order from the customer", async () => {
    const { orderId } = await confirmedOrder(tokens.sales, sinarId, product.id);
    const foreign = await call('GET', `/orders/${orderId}`, { token: tokens.customer });
    const missing = await call('GET', `/orders/${randomUUID()}`, { token: tokens.customer });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    for (const [method, path] of [['PATCH', ''], ['POST', '/invoice']] as const) {
      const answer = await call(method, `/orders/${orderId}${path}`, { token: tokens.customer, headers: { 'if-match': '1' }, body: method === 'PATCH' ? { status: 'cancelled' } : undefined });
      expect([path, answer.status]).toEqual([path, 404]);
    }
    const list = await call('GET', '/orders?limit=100', { token: tokens.customer });
    expect(list.body.items.some((o: any) => o.id === orderId)).toBe(false);
    expect((await call('GET', '/orders', { token: tokens.partner })).status).toBe(403);
    expect((await call('GET', `/orders/${orderId}`, { token: tokens.investor })).status).toBe(403);
  });
});

describe('demo data', () => {
  it('tells the quote-to-cash story for PT. KITA: catalogue, a sent quote, a confirmed order, an issued invoice', async () => {
    const products = await call('GET', '/products?active=true&limit=100', { token: tokens.sales });
    expect(products.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ sku: 'KB-HARIAN', unitPrice: { amount: 2_800_000, currency: 'IDR' } })]));
    const quotes = await call('GET', '/quotes?limit=100', { token: tokens.customer });
    expect(quotes.body.items.some((q: any) => q.status === 'sent' && q.accountId === kitaId)).toBe(true);
    const orders = await call('GET', '/orders?limit=100', { token: tokens.customer });
    expect(orders.body.items.some((o: any) => o.status === 'confirmed')).toBe(true);
    const invoices = await call('GET', '/invoices?limit=100', { token: tokens.customer });
    expect(invoices.body.items.some((i: any) => i.status === 'issued' && i.amountDue === i.total)).toBe(true);
  });
});
