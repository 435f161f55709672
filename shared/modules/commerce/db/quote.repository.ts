import type { Page } from '../../../platform/page';
import type { QuoteStatus } from '../../sales/domain/sales-vocabulary';
import { nowIso } from '../../../platform/clock';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { QuoteEntity, type QuoteChanges, type QuoteRow } from './quote.entity';

export const quoteRepository = {
  createOperation(row: QuoteRow) {
    return QuoteEntity().create(row).params();
  },

  async get(quoteId: string): Promise<QuoteRow | undefined> {
    const { data } = await QuoteEntity().get({ quoteId }).go();
    return data ?? undefined;
  },

  /**
   * Change fields only if the quote is still at `version` and in `status` (both checked in one
   * condition, so of two concurrent changes exactly one wins).
   */
  changeOperation(quoteId: string, version: number, status: QuoteStatus, changes: QuoteChanges, remove: (keyof QuoteChanges)[] = []) {
    const chain = QuoteEntity().patch({ quoteId }).set({ ...changes, updatedAt: changes.updatedAt ?? nowIso() });
    const withRemove = remove.length > 0 ? chain.remove(remove) : chain;
    return withRemove
      .add({ version: 1 })
      .where((attr, { eq }) => `${eq(attr.version, version)} AND ${eq(attr.status, status)}`)
      .params();
  },

  /** An account's quotes, newest first. */
  byAccount(accountId: string, request: PageRequest): Promise<Page<QuoteRow>> {
    return queryPage(request, (options) => QuoteEntity().query.byAccount({ accountId }).go({ ...options, order: 'desc' }), (row) => row);
  },

  /** Every quote, newest first (staff). */
  all(request: PageRequest): Promise<Page<QuoteRow>> {
    return queryPage(request, (options) => QuoteEntity().query.byCreated({}).go({ ...options, order: 'desc' }), (row) => row);
  },
};
