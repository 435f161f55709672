import type { Page } from '../../../platform/page';
import { nowIso } from '../../../platform/clock';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { SalesOrderEntity, type OrderChanges, type OrderRow } from './sales-order.entity';

export const orderRepository = {
  createOperation(row: OrderRow) {
    return SalesOrderEntity().create(row).params();
  },

  async get(orderId: string): Promise<OrderRow | undefined> {
    const { data } = await SalesOrderEntity().get({ orderId }).go();
    return data ?? undefined;
  },

  /** Change fields only if the order is still at `version`. */
  changeOperation(orderId: string, version: number, changes: OrderChanges) {
    return SalesOrderEntity().patch({ orderId })
      .set({ ...changes, updatedAt: nowIso() })
      .add({ version: 1 })
      .where((attr, { eq }) => eq(attr.version, version))
      .params();
  },

  /** Attach the order's one invoice: fails when it already has one. */
  attachInvoiceOperation(orderId: string, invoiceId: string) {
    return SalesOrderEntity().patch({ orderId })
      .set({ invoiceId, updatedAt: nowIso() })
      .add({ version: 1 })
      .where((attr, { notExists }) => notExists(attr.invoiceId))
      .params();
  },

  byAccount(accountId: string, request: PageRequest): Promise<Page<OrderRow>> {
    return queryPage(request, (options) => SalesOrderEntity().query.byAccount({ accountId }).go({ ...options, order: 'desc' }), (row) => row);
  },

  all(request: PageRequest): Promise<Page<OrderRow>> {
    return queryPage(request, (options) => SalesOrderEntity().query.byCreated({}).go({ ...options, order: 'desc' }), (row) => row);
  },
};
