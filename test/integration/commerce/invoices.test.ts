import { randomUUID } from 'node:crypto';
import { invoiceRepository } from '../../../shared/modules/commerce/db/invoice.repository';
import { op, transact } from '../../../shared/platform/db/transaction';
import { handler as scheduleHandler } from '../../../functions/schedule/handler';
import { call, demoWorld, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { confirmedOrder, createProduct } from '../../support/sales.helper';
import { pdfText } from '../../support/pdf-text';
import { formatMoney } from '../../../shared/platform/money';

let tokens: Record<DemoLogin, string>;
let product: any;
let kitaId: string;
let sinarId: string;

beforeAll(async () => {
  tokens = await demoWorld();
  product = await createProduct(tokens.sales);
  const accounts = await call('GET', '/accounts?limit=100', { token: tokens.admin });
  kitaId = accounts.body.items.find((a: any) => a.name === 'PT. KITA').id;
  sinarId = accounts.body.items.find((a: any) => a.name === 'PT. Sinar Pagi').id;
}, SETUP_TIMEOUT_MS);

async function issuedInvoice(accountId = kitaId) {
  const { orderId } = await confirmedOrder(tokens.sales, accountId, product.id);
  const answer = await call('POST', `/orders/${orderId}/invoice`, { token: tokens.sales });
  expect(answer.status).toBe(201);
  return { orderId, invoiceId: answer.body.invoiceId as string };
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('invoice from an order', () => {
  it('issues one invoice per order, due in 30 days, with the order total due', async () => {
    const { orderId, invoiceId } = await issuedInvoice();
    const order = await call('GET', `/orders/${orderId}`, { token: tokens.sales });
    expect(order.body.invoiceId).toBe(invoiceId);
    const invoice = await call('GET', `/invoices/${invoiceId}`, { token: tokens.sales });
    expect(invoice.status).toBe(200);
    expect(invoice.body).toMatchObject({ id: invoiceId, orderId, accountId: kitaId, status: 'issued', total: order.body.total, amountDue: order.body.total, dueDate: day(30), currency: 'IDR', payments: [] });
    expect(invoice.body.number).toMatch(/^INV-\d{4}-\d{5}$/);

    const again = await call('POST', `/orders/${orderId}/invoice`, { token: tokens.sales });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('order_already_invoiced');
    const timeline = await call('GET', `/accounts/${kitaId}/timeline?limit=5`, { token: tokens.sales });
    expect(timeline.body.items.map((i: any) => i.title)).toContain(`Invoice ${invoice.body.number} issued`);
  });

  it('issues only one invoice when two requests race', async () => {
    const { orderId } = await confirmedOrder(tokens.sales, kitaId, product.id);
    const answers = await Promise.all([call('POST', `/orders/${orderId}/invoice`, { token: tokens.sales }), call('POST', `/orders/${orderId}/invoice`, { token: tokens.admin })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
  });

  it('does not invoice a cancelled order', async () => {
    const { orderId } = await confirmedOrder(tokens.sales, kitaId, product.id);
    await call('PATCH', `/orders/${orderId}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { status: 'cancelled' } });
    const answer = await call('POST', `/orders/${orderId}/invoice`, { token: tokens.sales });
    expect(answer.status).toBe(422);
  });
});

describe('payments', () => {
  it('takes partial payments until paid, and refuses overpayment with 422', async () => {
    const { invoiceId } = await issuedInvoice();
    const total = (await call('GET', `/invoices/${invoiceId}`, { token: tokens.sales })).body.total as number;
    const first = await call('POST', `/invoices/${invoiceId}/payments`, { token: tokens.sales, body: { amount: 10_000_000 } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'issued', amountDue: total - 10_000_000 });
    expect(first.body.payments).toHaveLength(1);

    const over = await call('POST', `/invoices/${invoiceId}/payments`, { token: tokens.sales, body: { amount: total } });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('payment_exceeds_amount_due');

    const rest = await call('POST', `/invoices/${invoiceId}/payments`, { token: tokens.admin, body: { amount: total - 10_000_000 } });
    expect(rest.status).toBe(201);
    expect(rest.body).toMatchObject({ status: 'paid', amountDue: 0 });
    expect(rest.body.payments.map((p: any) => p.amount)).toEqual([10_000_000, total - 10_000_000]);

    const afterPaid = await call('POST', `/invoices/${invoiceId}/payments`, { token: tokens.sales, body: { amount: 1 } });
    expect(afterPaid.status).toBe(422);
    const timeline = await call('GET', `/accounts/${kitaId}/timeline?limit=5`, { token: tokens.sales });
    expect(timeline.body.items.filter((i: any) => i.type === 'payment' && i.id === invoiceId)).toHaveLength(2);
  });

  it('refuses bad amounts with 400', async () => {
    const { invoiceId } = await issuedInvoice();
    for (const body of [{}, { amount: 0 }, { amount: -5 }, { amount: 1.5 }, { amount: '100' }, { amount: 1, extra: true }]) {
      const answer = await call('POST', `/invoices/${invoiceId}/payments`, { token: tokens.sales, body });
      expect([JSON.stringify(body), answer.status]).toEqual([JSON.stringify(body), 400]);
    }
    const wrongType = await call('POST', `/invoices/${invoiceId}/payments`, { token: tokens.sales, rawBody: 'amount=5', headers: { 'content-type': 'text/plain' } });
    expect(wrongType.status).toBe(415);
  });
});

describe('overdue marking', () => {
  it('marks issued invoices past their due date as overdue, and leaves the others', async () => {
    const late = await issuedInvoice();
    const current = await issuedInvoice();
    const paidLate = await issuedInvoice();
    for (const { invoiceId } of [late, paidLate]) {
      const row = (await invoiceRepository.get(invoiceId))!;
      await transact([op.put(invoiceRepository.replaceOperation({ ...row, dueDate: day(-3) }, row.version))]);
    }
    const total = (await call('GET', `/invoices/${paidLate.invoiceId}`, { token: tokens.sales })).body.total;
    await call('POST', `/invoices/${paidLate.invoiceId}/payments`, { token: tokens.sales, body: { amount: total } });

    const result = await scheduleHandler();
    expect(result.overdueMarked).toBeGreaterThanOrEqual(1);
    expect((await call('GET', `/invoices/${late.invoiceId}`, { token: tokens.sales })).body.status).toBe('overdue');
    expect((await call('GET', `/invoices/${current.invoiceId}`, { token: tokens.sales })).body.status).toBe('issued');
    expect((await call('GET', `/invoices/${paidLate.invoiceId}`, { token: tokens.sales })).body.status).toBe('paid');
    expect((await scheduleHandler()).overdueMarked).toBe(0);

    // An overdue invoice still takes payments and becomes paid.
    const due = (await call('GET', `/invoices/${late.invoiceId}`, { token: tokens.sales })).body.amountDue;
    const paid = await call('POST', `/invoices/${late.invoiceId}/payments`, { token: tokens.sales, body: { amount: due } });
    expect(paid.body).toMatchObject({ status: 'paid', amountDue: 0 });
  });
});

describe('invoice PDF and who sees invoices', () => {
  it('answers application/pdf for staff and the customer', async () => {
    const { invoiceId } = await issuedInvoice();
    for (const who of ['admin', 'customer'] as const) {
      const answer = await call('GET', `/invoices/${invoiceId}/pdf`, { token: tokens[who] });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/pdf');
      expect(String(answer.body).startsWith('%PDF')).toBe(true);
    }
  });

  it("prints the amount still due as the customer's screen shows it, in the customer's language", async () => {
    const { invoiceId } = await issuedInvoice();
    const paid = await call('POST', `/invoices/${invoiceId}/payments`, { token: tokens.sales, body: { amount: 10_000_000 } });
    const invoice = paid.body;
    // 10 catering packages at Rp 45.000 with 11 % tax = Rp 499.500, of which Rp 100.000 is paid.
    expect([invoice.total, invoice.amountDue]).toEqual([49_950_000, 39_950_000]);
    const seen = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    const dueDate = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(invoice.dueDate));

    const text = await pdfText((await call('GET', `/invoices/${invoiceId}/pdf`, { token: tokens.customer })).bytes);
    for (const words of [`Faktur ${invoice.number}`, 'Total Rp 499.500', 'Sisa tagihan Rp 399.500', `Jatuh tempo ${dueDate}`, 'Status Diterbitkan']) expect(text).toContain(words);
    expect(text).toContain(`Sisa tagihan ${seen(formatMoney(invoice.amountDue, 'IDR', 'id'))}`);
    for (const raw of ['49,950,000', '39,950,000', invoice.dueDate, 'issued']) expect(text).not.toContain(raw);

    // ?lang= prints in another language than the caller's own (the demo logins all read Indonesian).
    const english = await pdfText((await call('GET', `/invoices/${invoiceId}/pdf?lang=en`, { token: tokens.sales })).bytes);
    expect(english).toContain('Amount due IDR 399,500');
    expect((await call('GET', `/invoices/${invoiceId}/pdf?lang=fr`, { token: tokens.sales })).status).toBe(400);
  });

  it("shows the customer its own invoices only; another account's answers 404 like a missing one", async () => {
    const own = await issuedInvoice(kitaId);
    const foreign = await issuedInvoice(sinarId);
    const list = await call('GET', '/invoices?limit=100', { token: tokens.customer });
    expect(list.status).toBe(200);
    const ids = list.body.items.map((i: any) => i.id);
    expect(ids).toContain(own.invoiceId);
    expect(ids).not.toContain(foreign.invoiceId);
    for (const [method, path, body] of [['GET', '', undefined], ['GET', '/pdf', undefined], ['POST', '/payments', { amount: 1 }]] as const) {
      const answer = await call(method, `/invoices/${foreign.invoiceId}${path}`, { token: tokens.customer, body });
      const missing = await call(method, `/invoices/${randomUUID()}${path}`, { token: tokens.customer, body });
      expect([path, answer.status, answer.body]).toEqual([path, 404, missing.body]);
    }
    expect((await call('POST', `/invoices/${own.invoiceId}/payments`, { token: tokens.customer, body: { amount: 1 } })).status).toBe(403);
    expect((await call('POST', `/invoices/${own.invoiceId}/payments`, { token: tokens.service, body: { amount: 1 } })).status).toBe(403);
    expect((await call('GET', `/invoices/${own.invoiceId}`, { token: tokens.service })).status).toBe(200);
    for (const who of ['partner', 'investor'] as const) {
      expect((await call('GET', '/invoices', { token: tokens[who] })).status).toBe(403);
      expect((await call('GET', `/invoices/${own.invoiceId}`, { token: tokens[who] })).status).toBe(403);
      expect((await call('GET', `/invoices/${own.invoiceId}/pdf`, { token: tokens[who] })).status).toBe(403);
      expect((await call('POST', `/invoices/${own.invoiceId}/payments`, { token: tokens[who], body: { amount: 1 } })).status).toBe(403);
    }
    expect((await call('GET', `/invoices/${own.invoiceId}`)).status).toBe(401);
    const staffList = await call('GET', `/invoices?accountId=${sinarId}&limit=100`, { token: tokens.sales });
    expect(staffList.body.items.map((i: any) => i.id)).toContain(foreign.invoiceId);
  });
});
