import type { DocumentLine, Quote } from '../schemas/quote.schema';
import type { Page } from '../../../platform/page';
import type { QuoteStatus } from '../../sales/domain/sales-vocabulary';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { QuoteEntity } from './quote.entity';

export type QuoteRow = Omit<Quote, 'id'> & { quoteId: string; createdBy?: string };

export function toQuote({ quoteId, createdBy: _createdBy, ...rest }: QuoteRow): Quote {
  return { ...rest, id: quoteId, lines: rest.lines as DocumentLine[] };
}

export const quoteRepository = {
  createOperation(row: QuoteRow) {
    return QuoteEntity().create(row).params();
  },

  async get(quoteId: string): Promise<QuoteRow | undefined> {
    const { data } = await QuoteEntity().get({ quoteId }).go();
    return (data as QuoteRow | null) ?? undefined;
  },

  /**
   * Change fields only if the quote is still at `version` and in `status` (both checked in one
   * condition, so of two concurrent changes exactly one wins).
   */
  changeOperation(quoteId: string, version: number, status: QuoteStatus, changes: Partial<QuoteRow>, remove: (keyof QuoteRow)[] = []) {
    const chain = QuoteEntity().patch({ quoteId }).set({ ...changes, updatedAt: changes.updatedAt ?? new Date().toISOString() } as never);
    const withRemove = remove.length > 0 ? chain.remove(remove as never) : chain;
    return withRemove
      .add({ version: 1 })
      .where((attr, { eq }) => `${eq(attr.version, version)} AND ${eq(attr.status, status)}`)
      .params();
  },

  /** An account's quotes, newest first. */
  byAccount(accountId: string, request: PageRequest): Promise<Page<Quote>> {
    return queryPage(request, (options) => QuoteEntity().query.byAccount({ accountId }).go({ ...options, order: 'desc' }), (row) => toQuote(row as QuoteRow));
  },

  /** Every quote, newest first (staff). */
  all(request: PageRequest): Promise<Page<Quote>> {
    return queryPage(request, (options) => QuoteEntity().query.byCreated({}).go({ ...options, order: 'desc' }), (row) => toQuote(row as QuoteRow));
  },
};
