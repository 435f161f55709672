import { formatDocumentNumber, numberingYear, type DocumentKind } from '../../domain/sales/document-number';
import { db } from '../service';

export const documentCounterRepository = {
  /**
   * The next human number of a kind in the current year, from one atomic ADD (no two callers
   * get the same value). A number taken by a transaction that then fails stays unused.
   */
  async next(kind: DocumentKind, at: Date = new Date()): Promise<string> {
    const year = numberingYear(at);
    const { data } = await db().entities.documentCounter.update({ kind, year }).add({ value: 1 }).go({ response: 'all_new' });
    return formatDocumentNumber(kind, year, data.value as number);
  },
};
