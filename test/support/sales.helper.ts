import { randomBytes } from 'node:crypto';
import { newOpportunityRecord, opportunityRepository } from '../../shared/modules/sales/db/opportunity.repository';
import { op, transact } from '../../shared/platform/db/transaction';
import { call } from './api.helper';

export const tag = () => randomBytes(4).toString('hex');

/** An active IDR product (catering package) created by the given staff token. */
export async function createProduct(token: string, extra: Record<string, unknown> = {}) {
  const answer = await call('POST', '/products', { token, body: { sku: `PKG-${tag()}`, name: `Paket Nasi Box ${tag()}`, unitPrice: { amount: 4_500_000, currency: 'IDR' }, taxPercent: 11, ...extra } });
  if (answer.status !== 201) throw new Error(`product ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A new account with a primary contact whose e-mail is unique to the test. */
export async function createCustomer(token: string) {
  const account = await call('POST', '/accounts', { token, body: { name: `PT. Pelanggan ${tag()}`, address: 'Jl. Thamrin 1, Jakarta' } });
  if (account.status !== 201) throw new Error(`account ${account.status}`);
  const email = `buyer-${tag()}@pelanggan.example`;
  const contact = await call('POST', '/contacts', { token, body: { firstName: 'Rina', lastName: `Pembeli ${tag()}`, email, accountId: account.body.id, role: 'primary' } });
  if (contact.status !== 201) throw new Error(`contact ${contact.status} ${JSON.stringify(contact.body)}`);
  return { accountId: account.body.id as string, email, contactId: contact.body.id as string };
}

/** An open opportunity stored directly (the opportunity routes belong to another module). */
export async function createOpportunity(accountId: string, ownerId = 'sales-rep') {
  const row = newOpportunityRecord({ name: `Katering ${tag()}`, accountId, expectedRevenue: { amount: 100_000_000, currency: 'IDR' }, stage: 'negotiation', probability: 75, probabilityManual: false, ownerId });
  await transact([op.put(opportunityRepository.createOperation(row))]);
  return row.opportunityId;
}

/** A draft quote with one product line. */
export async function createQuote(token: string, accountId: string, productId: string, extra: Record<string, unknown> = {}) {
  const answer = await call('POST', '/quotes', { token, body: { accountId, currency: 'IDR', lines: [{ productId, quantity: 10 }], ...extra } });
  if (answer.status !== 201) throw new Error(`quote ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A quote sent and confirmed into an order; returns both ids. */
export async function confirmedOrder(token: string, accountId: string, productId: string) {
  const quote = await createQuote(token, accountId, productId);
  const sent = await call('POST', `/quotes/${quote.id}/send`, { token });
  if (sent.status !== 200) throw new Error(`send ${sent.status} ${JSON.stringify(sent.body)}`);
  const confirmed = await call('POST', `/quotes/${quote.id}/confirm`, { token });
  if (confirmed.status !== 201) throw new Error(`confirm ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return { quoteId: quote.id as string, orderId: confirmed.body.orderId as string };
}
