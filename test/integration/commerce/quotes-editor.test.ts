import { randomUUID } from 'node:crypto';
import { call, SETUP_TIMEOUT_MS } from '../../support/api.helper';
import { pdfText } from '../../support/pdf-text';
import { formatMoney } from '../../../shared/platform/money';
import { createQuote } from '../../support/sales.helper';
import { kitaId, product, setUpQuotes, stopQuotes, tokens } from './quotes.fixture';

beforeAll(setUpQuotes, SETUP_TIMEOUT_MS);
afterAll(stopQuotes);

describe('quote editor', () => {
  it('creates a draft with a number, product defaults and computed totals', async () => {
    const answer = await call('POST', '/quotes', {
      token: tokens.sales,
      body: {
        accountId: kitaId,
        currency: 'IDR',
        validUntil: '2099-12-31',
        lines: [
          { productId: product.id, quantity: 250, discountPercent: 5 },
          { description: 'Delivery to Cikarang', quantity: 1, unitPrice: 15_000_050, taxPercent: 11 },
        ],
      },
    });
    expect(answer.status).toBe(201);
    const quote = answer.body;
    expect(quote.number).toMatch(/^Q-\d{4}-\d{5}$/);
    expect(quote).toMatchObject({ accountId: kitaId, status: 'draft', currency: 'IDR', validUntil: '2099-12-31', version: 1 });
    // 250 × 4,500,000 × 0.95 = 1,068,750,000; tax 11% = 117,562,500.
    expect(quote.lines[0]).toEqual({ productId: product.id, description: product.name, quantity: 250, unitPrice: 4_500_000, discountPercent: 5, taxPercent: 11, total: 1_186_312_500 });
    // 15,000,050 × 11% = 1,650,005.5 → 1,650,006 (half away from zero).
    expect(quote.lines[1]).toEqual({ description: 'Delivery to Cikarang', quantity: 1, unitPrice: 15_000_050, discountPercent: 0, taxPercent: 11, total: 16_650_056 });
    expect(quote.subtotal).toBe(1_068_750_000 + 15_000_050);
    expect(quote.taxTotal).toBe(117_562_500 + 1_650_006);
    expect(quote.total).toBe(quote.subtotal + quote.taxTotal);

    const read = await call('GET', `/quotes/${quote.id}`, { token: tokens.service });
    expect(read.status).toBe(200);
    // A read also names the account (read when answering, not stored on the quote).
    expect(read.body).toEqual({ ...quote, accountName: 'PT. KITA' });
  });

  it('numbers quotes from a counter without repeats', async () => {
    const quotes = await Promise.all([1, 2, 3, 4].map(() => createQuote(tokens.sales, kitaId, product.id)));
    expect(new Set(quotes.map((q) => q.number)).size).toBe(4);
  });

  it('edits lines of a draft with If-Match, and refuses a stale version', async () => {
    const quote = await createQuote(tokens.sales, kitaId, product.id);
    const patched = await call('PATCH', `/quotes/${quote.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { lines: [{ productId: product.id, quantity: 2 }] } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ version: 2, subtotal: 9_000_000, taxTotal: 990_000, total: 9_990_000 });
    const stale = await call('PATCH', `/quotes/${quote.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { lines: [] } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const noVersion = await call('PATCH', `/quotes/${quote.id}`, { token: tokens.sales, body: { validUntil: '2099-01-01' } });
    expect(noVersion.status).toBe(428);
  });

  it('does not change the lines of a sent quote (422)', async () => {
    const quote = await createQuote(tokens.sales, kitaId, product.id);
    expect((await call('POST', `/quotes/${quote.id}/send`, { token: tokens.sales })).status).toBe(200);
    const answer = await call('PATCH', `/quotes/${quote.id}`, { token: tokens.sales, headers: { 'if-match': '2' }, body: { lines: [{ productId: product.id, quantity: 1 }] } });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('quote_not_editable');
  });

  it('refuses unknown products, unknown accounts and bad lines', async () => {
    const cases: [unknown, number, string?][] = [
      [{ accountId: kitaId, currency: 'IDR', lines: [{ productId: randomUUID(), quantity: 1 }] }, 422, 'unknown_product'],
      [{ accountId: randomUUID(), currency: 'IDR', lines: [] }, 422, 'unknown_account'],
      [{ accountId: kitaId, currency: 'USD', lines: [{ productId: product.id, quantity: 1 }] }, 422, 'currency_mismatch'],
      [{ accountId: kitaId, currency: 'IDR', lines: [{ description: 'x', quantity: 1 }] }, 400],
      [{ accountId: kitaId, currency: 'IDR', lines: [{ description: 'x', quantity: 0, unitPrice: 1 }] }, 400],
      [{ accountId: kitaId, currency: 'IDR', lines: [{ description: 'x', quantity: 1, unitPrice: 1.5 }] }, 400],
      [{ accountId: kitaId, currency: 'IDR', lines: [{ description: 'x', quantity: 1, unitPrice: 1, discountPercent: 101 }] }, 400],
      [{ accountId: kitaId, currency: 'IDR', lines: [{ description: 'x', quantity: 1.0001, unitPrice: 1 }] }, 400],
      [{ accountId: kitaId, currency: 'idr', lines: [] }, 400],
      [{ accountId: kitaId, currency: 'IDR', lines: [], extra: 1 }, 400],
      [{ accountId: kitaId, currency: 'IDR', opportunityId: randomUUID() }, 422, 'unknown_opportunity'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await call('POST', '/quotes', { token: tokens.sales, body });
      expect([JSON.stringify(body), answer.status]).toEqual([JSON.stringify(body), status]);
      if (code) expect(answer.body.error.code).toBe(code);
    }
    const malformed = await call('POST', '/quotes', { token: tokens.sales, rawBody: '{"accountId":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
  });

  it('lets service staff read but not write quotes', async () => {
    const answer = await call('POST', '/quotes', { token: tokens.service, body: { accountId: kitaId, currency: 'IDR', lines: [] } });
    expect(answer.status).toBe(403);
    const list = await call('GET', '/quotes', { token: tokens.service });
    expect(list.status).toBe(200);
  });
});

describe('quote PDF', () => {
  it('answers application/pdf for staff and for the customer', async () => {
    const quote = await createQuote(tokens.sales, kitaId, product.id, { lines: [{ productId: product.id, quantity: 3 }, { description: 'Kue tradisional — “spesial” 🍰', quantity: 1, unitPrice: 250_000 }] });
    expect((await call('POST', `/quotes/${quote.id}/send`, { token: tokens.sales })).status).toBe(200);
    for (const who of ['sales', 'customer'] as const) {
      const answer = await call('GET', `/quotes/${quote.id}/pdf`, { token: tokens[who] });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/pdf');
      expect(String(answer.body).startsWith('%PDF')).toBe(true);
      expect(answer.headers.get('content-disposition')).toContain(`${quote.number}.pdf`);
    }
  });
});

// A lunch box at Rp 28.000 (2,800,000 sen) × 100 with 11 % tax: Rp 2.800.000 + Rp 308.000 = Rp 3.108.000.
const lunchBoxes = { description: 'Nasi kotak makan siang', quantity: 100, unitPrice: 2_800_000, taxPercent: 11 };
/** What a reader sees of Intl's no-break spaces. */
const seen = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('money on paper and on the timeline', () => {
  it("prints the total the reader's screen shows, in the reader's language: the customer's, then an English-speaking staff member's", async () => {
    const created = await call('POST', '/quotes', { token: tokens.sales, body: { accountId: kitaId, currency: 'IDR', validUntil: '2099-12-31', lines: [lunchBoxes] } });
    const quote = created.body;
    expect(quote.total).toBe(310_800_000);
    expect((await call('POST', `/quotes/${quote.id}/send`, { token: tokens.sales })).status).toBe(200);

    // Yeyen, PT. KITA's contact, saved Indonesian for her screens (the demo's default).
    expect((await call('GET', '/auth/me', { token: tokens.customer })).body.user.locale).toBe('id');
    const indonesian = await pdfText((await call('GET', `/quotes/${quote.id}/pdf`, { token: tokens.customer })).bytes);
    expect(indonesian).toContain('Total Rp 3.108.000');
    expect(indonesian).toContain(`Total ${seen(formatMoney(quote.total, 'IDR', 'id'))}`);
    for (const words of [`Penawaran Harga ${quote.number}`, 'Status Terkirim', 'Berlaku hingga 31 Desember 2099', 'Pelanggan', 'Harga satuan', 'Kuantitas', 'Pajak Rp 308.000']) expect(indonesian).toContain(words);
    for (const raw of ['310.800.000', '310,800,000', 'sent', '2099-12-31', 'Quotation']) expect(indonesian).not.toContain(raw);

    const english = await call('PATCH', '/auth/me', { token: tokens.admin, body: { locale: 'en' } });
    expect(english.status).toBe(200);
    try {
      const text = await pdfText((await call('GET', `/quotes/${quote.id}/pdf`, { token: tokens.admin })).bytes);
      expect(text).toContain(`Total ${seen(formatMoney(quote.total, 'IDR', 'en'))}`);
      for (const words of [`Quotation ${quote.number}`, 'Status Sent', 'Valid until 31 December 2099', 'Total IDR 3,108,000', 'Tax IDR 308,000']) expect(text).toContain(words);
      expect(text).not.toContain('310,800,000');
    } finally {
      await call('PATCH', '/auth/me', { token: tokens.admin, body: { locale: 'id' } });
    }
  });

  it('writes the amount of a quote on the account timeline as an English screen shows it', async () => {
    const quote = await createQuote(tokens.sales, kitaId, product.id, { lines: [lunchBoxes] });
    const timeline = await call('GET', `/accounts/${kitaId}/timeline?limit=10`, { token: tokens.sales });
    const entry = timeline.body.items.find((i: any) => i.title === `Quote ${quote.number} created`);
    expect(seen(entry.summary)).toBe('IDR 3,108,000');
  });

  it('refuses a line beyond the money bound with 422 amount_too_large, and draws no quote number for it', async () => {
    const sequence = (number: string) => Number(number.split('-').pop());
    const before = await createQuote(tokens.sales, kitaId, product.id);
    // 901 × 10^13 minor units is past 2^53: no such figure can be stored exactly.
    const huge = await call('POST', '/quotes', { token: tokens.sales, body: { accountId: kitaId, currency: 'IDR', lines: [{ description: 'Catering for a nation', quantity: 901, unitPrice: 1e13 }] } });
    expect(huge.status).toBe(422);
    expect(huge.body.error.code).toBe('amount_too_large');
    const after = await createQuote(tokens.sales, kitaId, product.id);
    expect(sequence(after.number)).toBe(sequence(before.number) + 1);
  });
});
