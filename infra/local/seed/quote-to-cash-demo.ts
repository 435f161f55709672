import type { Actor } from '../../../shared/modules/identity/domain/identity';
import { isoDay } from '../../../shared/modules/commerce/services/sales-documents';
import { invoiceService } from '../../../shared/modules/commerce/services/invoice.service';
import { orderService } from '../../../shared/modules/commerce/services/order.service';
import { productService } from '../../../shared/modules/commerce/services/product.service';
import { quoteService } from '../../../shared/modules/commerce/services/quote.service';

/** PT. Kaktus Berduri's catering packages (IDR, minor units: Rp 35.000 = 3 500 000). */
const PRODUCTS = [
  { sku: 'KB-HARIAN', name: 'Paket Katering Harian Karyawan', description: 'Daily staff lunch: rice, two side dishes, vegetables, fruit, mineral water (per portion).', unitPrice: { amount: 2_800_000, currency: 'IDR' }, taxPercent: 11, active: true },
  { sku: 'KB-NASIBOX', name: 'Paket Nasi Box Reguler', description: 'Boxed rice meal with ayam bakar, sambal and kerupuk (per box).', unitPrice: { amount: 3_500_000, currency: 'IDR' }, taxPercent: 11, active: true },
  { sku: 'KB-PRASMANAN', name: 'Paket Prasmanan Premium', description: 'Buffet for events: three mains, soup, dessert (per guest).', unitPrice: { amount: 8_500_000, currency: 'IDR' }, taxPercent: 11, active: true },
  { sku: 'KB-SNACK', name: 'Paket Snack Rapat', description: 'Meeting snack box: two traditional cakes and tea or coffee (per box).', unitPrice: { amount: 2_000_000, currency: 'IDR' }, taxPercent: 11, active: true },
] as const;

/**
 * The quote-to-cash part of the demo: the catalogue, a sent quote for PT. KITA's daily
 * catering, a confirmed order for the two-week menu trial, and an issued invoice for a
 * delivered meeting-snack order. Runs through the services, as staff would.
 */
export async function seedQuoteToCashDemo(kitaAccountId: string, adminUserId: string): Promise<void> {
  const admin: Actor = { userId: adminUserId, partyId: '', audiences: ['staff'], roles: ['admin'], accountIds: [] };
  const products: Record<string, string> = {};
  for (const product of PRODUCTS) products[product.sku] = (await productService.create(admin, { ...product })).id;

  const daily = await quoteService.create(admin, {
    accountId: kitaAccountId,
    currency: 'IDR',
    validUntil: isoDay(30),
    lines: [
      { productId: products['KB-HARIAN']!, quantity: 5_000, discountPercent: 7.5 },
      { description: 'Delivery to the Cikarang plant (monthly)', quantity: 1, unitPrice: 150_000_000, discountPercent: 0, taxPercent: 11 },
    ],
  });
  await quoteService.send(admin, daily.id);

  const trial = await quoteService.create(admin, {
    accountId: kitaAccountId,
    currency: 'IDR',
    lines: [{ productId: products['KB-HARIAN']!, quantity: 2_500, discountPercent: 10 }],
  });
  await quoteService.send(admin, trial.id);
  await quoteService.confirm(admin, trial.id);

  const snacks = await quoteService.create(admin, {
    accountId: kitaAccountId,
    currency: 'IDR',
    lines: [{ productId: products['KB-SNACK']!, quantity: 120, discountPercent: 0 }, { productId: products['KB-NASIBOX']!, quantity: 120, discountPercent: 0 }],
  });
  await quoteService.send(admin, snacks.id);
  const { orderId } = await quoteService.confirm(admin, snacks.id);
  let order = await orderService.setStatus(admin, orderId, 1, 'in_progress');
  order = await orderService.setStatus(admin, orderId, order.version, 'shipped');
  await orderService.setStatus(admin, orderId, order.version, 'delivered');
  const { invoiceId } = await orderService.invoice(admin, orderId);
  await invoiceService.get(admin, invoiceId);
}
