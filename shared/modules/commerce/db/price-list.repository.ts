import type { Page } from '../../../platform/page';
import { nowIso } from '../../../platform/clock';
import { newId } from '../../../platform/db/keys';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { PriceListEntity, type PriceListRow } from './price-list.entity';

/** What a new price list says; its id, version and times are the repository's. */
export type PriceListFields = Pick<PriceListRow, 'name' | 'currency' | 'customerGroup' | 'prices'>;

export const priceListRepository = {
  async create(fields: PriceListFields): Promise<PriceListRow> {
    const at = nowIso();
    const row: PriceListRow = { ...fields, priceListId: newId(), version: 1, createdAt: at, updatedAt: at };
    await PriceListEntity().create(row).go();
    return row;
  },

  async get(priceListId: string): Promise<PriceListRow | undefined> {
    const { data } = await PriceListEntity().get({ priceListId }).go();
    return data ?? undefined;
  },

  /** The price lists of a currency (one keyed Query). */
  byCurrency(currency: string, request: PageRequest): Promise<Page<PriceListRow>> {
    return queryPage(request, (options) => PriceListEntity().query.byCurrency({ currency }).go(options), (row) => row);
  },

  /** Every price list of a currency (a handful: the general one and one per customer group). */
  async allOfCurrency(currency: string): Promise<PriceListRow[]> {
    const { data } = await PriceListEntity().query.byCurrency({ currency }).go({ pages: 'all' });
    return data;
  },
};
