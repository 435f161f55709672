import type { Order } from '../schemas/order.schema';
import type { DocumentLine } from '../schemas/quote.schema';
import type { Page } from '../../../platform/page';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { SalesOrderEntity } from './sales-order.entity';

export type OrderRow = Omit<Order, 'id'> & { orderId: string };

export function toOrder({ orderId, ...rest }: OrderRow): Order {
  return { ...rest, id: orderId, lines: rest.lines as DocumentLine[] };
}

export const orderRepository = {
  createOperation(row: OrderRow) {
    return SalesOrderEntity().create(row).params();
  },

  async get(orderId: string): Promise<OrderRow | undefined> {
    const { data } = await SalesOrderEntity().get({ orderId }).go();
    return (data as OrderRow | null) ?? undefined;
  },

  /** Change fields only if the order is still at `version`. */
  changeOperation(orderId: string, version: number, changes: Partial<OrderRow>) {
    return SalesOrderEntity().patch({ orderId })
      .set({ ...changes, updatedAt: new Date().toISOString() } as never)
      .add({ version: 1 })
      .where((attr, { eq }) => eq(attr.version, version))
      .params();
  },

  /** Attach the order's one invoice: fails when it already has one. */
  attachInvoiceOperation(orderId: string, invoiceId: string) {
    return SalesOrderEntity().patch({ orderId })
      .set({ invoiceId, updatedAt: new Date().toISOString() })
      .add({ version: 1 })
      .where((attr, { notExists }) => notExists(attr.invoiceId))
      .params();
  },

  byAccount(accountId: string, request: PageRequest): Promise<Page<Order>> {
    return queryPage(request, (options) => SalesOrderEntity().query.byAccount({ accountId }).go({ ...options, order: 'desc' }), (row) => toOrder(row as OrderRow));
  },

  all(request: PageRequest): Promise<Page<Order>> {
    return queryPage(request, (options) => SalesOrderEntity().query.byCreated({}).go({ ...options, order: 'desc' }), (row) => toOrder(row as OrderRow));
  },
};
