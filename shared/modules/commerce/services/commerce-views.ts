import type { CompanyProfile } from '../schemas/company.schema';
import type { Invoice, Payment } from '../schemas/invoice.schema';
import type { Order } from '../schemas/order.schema';
import type { PriceList, Product } from '../schemas/product.schema';
import type { Quote } from '../schemas/quote.schema';
import type { CompanyProfileRow } from '../db/company-profile.entity';
import type { InvoiceRow } from '../db/invoice.entity';
import type { PaymentRow } from '../db/payment.entity';
import type { PriceListRow } from '../db/price-list.entity';
import type { ProductRow } from '../db/product.entity';
import type { QuoteRow } from '../db/quote.entity';
import type { OrderRow } from '../db/sales-order.entity';

/** A product as the API shows it: its stored amount and currency as one price. */
export function toProduct({ productId, sortName: _sortName, amount, currency, ...rest }: ProductRow): Product {
  return { ...rest, id: productId, unitPrice: { amount, currency } };
}

/** A price list as the API shows it: its prices as a list of product and amount. */
export function toPriceList({ priceListId, prices, ...rest }: PriceListRow): PriceList {
  return { ...rest, id: priceListId, prices: Object.entries(prices).map(([productId, amount]) => ({ productId, amount })) };
}

/** A quote as the API shows it (who created it stays inside). */
export function toQuote({ quoteId, createdBy: _createdBy, ...rest }: QuoteRow): Quote {
  return { ...rest, id: quoteId };
}

/** A sales order as the API shows it. */
export function toOrder({ orderId, ...rest }: OrderRow): Order {
  return { ...rest, id: orderId };
}

/** An invoice as the API shows it, without its payments (the single read adds them). */
export function toInvoice({ invoiceId, ...rest }: InvoiceRow): Invoice {
  return { ...rest, id: invoiceId };
}

/** A payment as the API shows it, within its invoice. */
export function toPayment({ paymentId, amount, paidAt, recordedBy }: PaymentRow): Payment {
  return { id: paymentId, amount, paidAt, recordedBy };
}

/** The company profile as the API shows it: its content with the record's version. */
export function toCompanyProfile({ content, version, updatedAt }: CompanyProfileRow): CompanyProfile {
  return { ...content, version, updatedAt };
}
