import type { DocumentLine, Quote } from '../../schemas/quote.schema';
import type { Page } from '../../schemas/common.schema';
import type { QuoteStatus } from '../../domain/sales/sales-vocabulary';
import { db } from '../service';
import { queryPage, type PageRequest } from './page';

export type QuoteRow = Omit<Quote, 'id'> & { quoteId: string; createdBy?: string };

export function toQuote({ quoteId, createdBy: _createdBy, ...rest }: QuoteRow): Quote {
  return { ...rest, id: quoteId, lines: rest.lines as DocumentLine[] };
}

export const quoteRepository = {
  createOperation(row: QuoteRow) {
    return db().entities.quote.create(row).params();
  },

  async get(quoteId: string): Promise<QuoteRow | undefined> {
    const { data } = await db().entities.quote.get({ quoteId }).go();
    return (data as QuoteRow | null) ?? undefined;
  },

  /**
   * Change fields only if the quote is still at `version` and in `status` (both checked in one
   * condition, so of two concurrent changes exactly one wins).
   */
  changeOperation(quoteId: string, version: number, status: QuoteStatus, changes: Partial<QuoteRow>, remove: (keyof QuoteRow)[] = []) {
    const chain = db().entities.quote.patch({ quoteId }).set({ ...changes, updatedAt: changes.updatedAt ?? new Date().toISOString() } as never);
    const withRemove = remove.length > 0 ? chain.remove(remove as never) : chain;
    return withRemove
      .add({ version: 1 })
      .where((attr, { eq }) => `${eq(attr.version, version)} AND ${eq(attr.status, status)}`)
      .params();
  },

  /** An account's quotes, newest first. */
  byAccount(accountId: string, request: PageRequest): Promise<Page<Quote>> {
    return queryPage(request, (options) => db().entities.quote.query.byAccount({ accountId }).go({ ...options, order: 'desc' }), (row) => toQuote(row as QuoteRow));
  },

  /** Every quote, newest first (staff). */
  all(request: PageRequest): Promise<Page<Quote>> {
    return queryPage(request, (options) => db().entities.quote.query.byCreated({}).go({ ...options, order: 'desc' }), (row) => toQuote(row as QuoteRow));
  },
};
