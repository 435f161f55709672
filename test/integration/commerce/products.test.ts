import { randomUUID } from 'node:crypto';
import { call, demoWorld, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { createProduct, tag } from '../../support/sales.helper';

let tokens: Record<DemoLogin, string>;

beforeAll(async () => {
  tokens = await demoWorld();
}, SETUP_TIMEOUT_MS);

async function allProducts(query = '', token = tokens.sales): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const answer: any = await call('GET', `/products?limit=2${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expect(answer.status).toBe(200);
    items.push(...answer.body.items);
    cursor = answer.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('too many pages');
}

describe('products', () => {
  it('creates a product and reads it back in the API shape', async () => {
    const sku = `NB-${tag()}`;
    const answer = await call('POST', '/products', { token: tokens.sales, body: { sku, name: 'Nasi Box Ayam Bakar', description: 'Rice, grilled chicken, vegetables, sambal', unitPrice: { amount: 3_500_000, currency: 'IDR' }, taxPercent: 11 } });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ sku, name: 'Nasi Box Ayam Bakar', unitPrice: { amount: 3_500_000, currency: 'IDR' }, taxPercent: 11, active: true, version: 1 });
    const read = await call('GET', `/products/${answer.body.id}`, { token: tokens.service });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(answer.body);
  });

  it('keeps SKUs unique, ignoring case', async () => {
    const sku = `DUP-${tag()}`;
    await createProduct(tokens.sales, { sku });
    const again = await call('POST', '/products', { token: tokens.sales, body: { sku: sku.toLowerCase(), name: 'Other', unitPrice: { amount: 1, currency: 'IDR' } } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('sku_taken');
  });

  it('lists the catalogue by name across pages and filters by active', async () => {
    const active = await createProduct(tokens.sales, { name: `Aaa Snack ${tag()}` });
    const inactive = await createProduct(tokens.sales, { name: `Aaa Kue ${tag()}`, active: false });
    const all = await allProducts();
    const names = all.map((p) => p.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(all.map((p) => p.id)).toEqual(expect.arrayContaining([active.id, inactive.id]));
    const onlyActive = await allProducts('&active=true');
    expect(onlyActive.every((p) => p.active)).toBe(true);
    expect(onlyActive.map((p) => p.id)).toContain(active.id);
    const onlyInactive = await allProducts('&active=false');
    expect(onlyInactive.map((p) => p.id)).toEqual([inactive.id]);
  });

  it('changes price and active flag with If-Match; a stale version is 409', async () => {
    const product = await createProduct(tokens.sales);
    const patched = await call('PATCH', `/products/${product.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { unitPrice: { amount: 5_000_000, currency: 'IDR' }, active: false } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ unitPrice: { amount: 5_000_000, currency: 'IDR' }, active: false, version: 2 });
    const stale = await call('PATCH', `/products/${product.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { name: 'x' } });
    expect(stale.status).toBe(409);
    const missing = await call('PATCH', `/products/${randomUUID()}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { name: 'x' } });
    expect(missing.status).toBe(404);
    const quote = await call('POST', '/quotes', { token: tokens.sales, body: { accountId: (await call('GET', '/accounts?limit=1', { token: tokens.sales })).body.items[0].id, currency: 'IDR', lines: [{ productId: product.id, quantity: 1 }] } });
    expect(quote.status).toBe(422);
    expect(quote.body.error.code).toBe('product_inactive');
  });

  it('refuses bad input with 400', async () => {
    const bodies = [
      {},
      { sku: 'has space', name: 'x', unitPrice: { amount: 1, currency: 'IDR' } },
      { sku: 'OK-1', name: 'x', unitPrice: { amount: -1, currency: 'IDR' } },
      { sku: 'OK-1', name: 'x', unitPrice: { amount: 1.5, currency: 'IDR' } },
      { sku: 'OK-1', name: 'x', unitPrice: { amount: 1, currency: 'rupiah' } },
      { sku: 'OK-1', name: 'x', unitPrice: { amount: 1, currency: 'IDR' }, taxPercent: 101 },
      { sku: 'OK-1', name: 'x', unitPrice: { amount: 1, currency: 'IDR' }, taxPercent: 11.111 },
      { sku: 'OK-1', name: '', unitPrice: { amount: 1, currency: 'IDR' } },
      { sku: 'OK-1', name: 'x', unitPrice: { amount: 1, currency: 'IDR' }, surprise: true },
    ];
    for (const body of bodies) {
      const answer = await call('POST', '/products', { token: tokens.sales, body });
      expect([JSON.stringify(body), answer.status]).toEqual([JSON.stringify(body), 400]);
      expect(answer.body.error.code).toBe('validation_failed');
    }
    expect((await call('GET', '/products?active=maybe', { token: tokens.sales })).status).toBe(400);
    expect((await call('GET', '/products?limit=0', { token: tokens.sales })).status).toBe(400);
    const product = await createProduct(tokens.sales);
    expect((await call('PATCH', `/products/${product.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: {} })).status).toBe(400);
    expect((await call('PATCH', `/products/${product.id}`, { token: tokens.sales, headers: { 'if-match': 'abc' }, body: { name: 'x' } })).status).toBe(400);
  });

  it('prices in active ISO 4217 currencies only, up to the one money bound, wherever a currency or a price comes in', async () => {
    for (const currency of ['IDR', 'USD', 'JPY']) {
      const created = await call('POST', '/products', { token: tokens.sales, body: { sku: `CUR-${tag()}`, name: `Priced in ${currency}`, unitPrice: { amount: 1_000, currency } } });
      expect([currency, created.status, created.body.unitPrice]).toEqual([currency, 201, { amount: 1_000, currency }]);
    }
    const largest = await call('POST', '/products', { token: tokens.sales, body: { sku: `MAX-${tag()}`, name: 'Largest price', unitPrice: { amount: 1e15, currency: 'IDR' } } });
    expect(largest.status).toBe(201);

    const product = await createProduct(tokens.sales);
    const accountId = (await call('GET', '/accounts?limit=1', { token: tokens.sales })).body.items[0].id;
    const before = await call('GET', '/quotes?limit=100', { token: tokens.sales });
    for (const currency of ['BTC', 'QQQ', 'XXX']) {
      const unitPrice = { amount: 1_000, currency };
      for (const answer of [
        await call('POST', '/products', { token: tokens.sales, body: { sku: `BAD-${tag()}`, name: 'x', unitPrice } }),
        await call('PATCH', `/products/${product.id}`, { token: tokens.sales, headers: { 'if-match': '1' }, body: { unitPrice } }),
        await call('POST', '/price-lists', { token: tokens.sales, body: { name: 'x', currency, prices: [] } }),
        await call('GET', `/price-lists?currency=${currency}`, { token: tokens.sales }),
        await call('POST', '/quotes', { token: tokens.sales, body: { accountId, currency, lines: [{ productId: product.id, quantity: 1, unitPrice: 1_000 }] } }),
      ]) {
        expect([currency, answer.status, answer.body.error?.code]).toEqual([currency, 400, 'validation_failed']);
      }
    }
    for (const amount of [1e15 + 1, 9e15]) {
      const answer = await call('POST', '/products', { token: tokens.sales, body: { sku: `BIG-${tag()}`, name: 'x', unitPrice: { amount, currency: 'IDR' } } });
      expect([amount, answer.status]).toEqual([amount, 400]);
    }
    expect((await call('GET', `/products/${product.id}`, { token: tokens.sales })).body).toMatchObject({ version: 1, unitPrice: product.unitPrice });
    expect((await call('GET', '/quotes?limit=100', { token: tokens.sales })).body.items).toHaveLength(before.body.items.length);
  });

  it('lets staff read, sales write; everyone else is refused', async () => {
    const product = await createProduct(tokens.admin);
    expect((await call('GET', '/products', { token: tokens.service })).status).toBe(200);
    expect((await call('POST', '/products', { token: tokens.service, body: { sku: `S-${tag()}`, name: 'x', unitPrice: { amount: 1, currency: 'IDR' } } })).status).toBe(403);
    expect((await call('PATCH', `/products/${product.id}`, { token: tokens.service, headers: { 'if-match': '1' }, body: { name: 'x' } })).status).toBe(403);
    for (const who of ['customer', 'partner', 'investor'] as const) {
      expect((await call('GET', '/products', { token: tokens[who] })).status).toBe(403);
      expect((await call('GET', `/products/${product.id}`, { token: tokens[who] })).status).toBe(403);
      expect((await call('GET', `/products/${randomUUID()}`, { token: tokens[who] })).status).toBe(403);
      expect((await call('PATCH', `/products/${product.id}`, { token: tokens[who], headers: { 'if-match': '1' }, body: { name: 'x' } })).status).toBe(403);
    }
    expect((await call('GET', '/products')).status).toBe(401);
    expect((await call('GET', `/products/${product.id}`, { token: tokens.sales })).body.name).toBe(product.name);
  });
});

describe('price lists', () => {
  it("prices quote lines from the customer group's list, then the currency's general list, then the product", async () => {
    const product = await createProduct(tokens.sales, { unitPrice: { amount: 3_000_000, currency: 'IDR' } });
    const accounts = await call('GET', '/accounts?limit=100', { token: tokens.sales });
    const kita = accounts.body.items.find((a: any) => a.name === 'PT. KITA'); // tagged key-account
    const harapan = accounts.body.items.find((a: any) => a.name === 'CV. Harapan Jaya'); // no tags
    const group = await call('POST', '/price-lists', { token: tokens.sales, body: { name: 'Key accounts IDR', currency: 'IDR', customerGroup: 'key-account', prices: [{ productId: product.id, amount: 2_700_000 }] } });
    expect(group.status).toBe(201);
    expect(group.body).toMatchObject({ currency: 'IDR', customerGroup: 'key-account', prices: [{ productId: product.id, amount: 2_700_000 }] });
    const usd = await call('POST', '/price-lists', { token: tokens.admin, body: { name: 'Export USD', currency: 'USD', prices: [{ productId: product.id, amount: 250 }] } });
    expect(usd.status).toBe(201);

    const line = [{ productId: product.id, quantity: 1 }];
    const forKita = await call('POST', '/quotes', { token: tokens.sales, body: { accountId: kita.id, currency: 'IDR', lines: line } });
    expect(forKita.body.lines[0].unitPrice).toBe(2_700_000);
    const forHarapan = await call('POST', '/quotes', { token: tokens.sales, body: { accountId: harapan.id, currency: 'IDR', lines: line } });
    expect(forHarapan.body.lines[0].unitPrice).toBe(3_000_000);
    const inUsd = await call('POST', '/quotes', { token: tokens.sales, body: { accountId: harapan.id, currency: 'USD', lines: line } });
    expect(inUsd.status).toBe(201);
    expect(inUsd.body.lines[0].unitPrice).toBe(250);

    const read = await call('GET', `/price-lists/${group.body.id}`, { token: tokens.service });
    expect(read.body).toEqual(group.body);
    const list = await call('GET', '/price-lists?currency=USD', { token: tokens.sales });
    expect(list.body.items.map((l: any) => l.id)).toContain(usd.body.id);
  });

  it('refuses unknown products, bad input and callers who may not keep prices', async () => {
    const unknown = await call('POST', '/price-lists', { token: tokens.sales, body: { name: 'x', currency: 'IDR', prices: [{ productId: randomUUID(), amount: 1 }] } });
    expect(unknown.status).toBe(422);
    expect((await call('POST', '/price-lists', { token: tokens.sales, body: { name: 'x', currency: 'rp', prices: [] } })).status).toBe(400);
    expect((await call('GET', '/price-lists', { token: tokens.sales })).status).toBe(400);
    expect((await call('POST', '/price-lists', { token: tokens.service, body: { name: 'x', currency: 'IDR', prices: [] } })).status).toBe(403);
    expect((await call('GET', `/price-lists/${randomUUID()}`, { token: tokens.sales })).status).toBe(404);
    for (const who of ['customer', 'partner', 'investor'] as const) {
      expect((await call('GET', '/price-lists?currency=IDR', { token: tokens[who] })).status).toBe(403);
      expect((await call('GET', `/price-lists/${randomUUID()}`, { token: tokens[who] })).status).toBe(403);
    }
  });
});
