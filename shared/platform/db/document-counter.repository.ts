import { formatDocumentNumber, numberingYear, type DocumentKind } from '../document-number';
import { DocumentCounterEntity, type DocumentCounterRow } from './document-counter.entity';

export const documentCounterRepository = {
  /**
   * The next human number of a kind in the current year, from one atomic ADD (no two callers
   * get the same value). A number taken by a transaction that then fails stays unused.
   */
  async next(kind: DocumentKind, at: Date = new Date()): Promise<string> {
    const year = numberingYear(at);
    // An update may create a partial item, so ElectroDB types its answer as partial; this ADD leaves the whole counter.
    const { data } = await DocumentCounterEntity().update({ kind, year }).add({ value: 1 }).go<DocumentCounterRow, { response: 'all_new' }>({ response: 'all_new' });
    return formatDocumentNumber(kind, year, data.value);
  },
};
