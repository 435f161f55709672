import type { PriceList, PriceListCreate } from '../schemas/product.schema';
import type { Page } from '../../../platform/page';
import { nowIso } from '../../../platform/clock';
import { newId } from '../../../platform/db/keys';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { PriceListEntity } from './price-list.entity';

type PriceListRow = { priceListId: string; name: string; currency: string; customerGroup?: string; prices: Record<string, number>; version: number; createdAt: string; updatedAt: string };

function toPriceList({ priceListId, prices, ...rest }: PriceListRow): PriceList {
  return { ...rest, id: priceListId, prices: Object.entries(prices).map(([productId, amount]) => ({ productId, amount })) };
}

/** The price lists that apply to one document: resolve a product's price in memory. */
export type PriceBook = { priceOf(productId: string, groups: string[]): number | undefined };

export const priceListRepository = {
  async create(input: PriceListCreate): Promise<PriceList> {
    const at = nowIso();
    const row: PriceListRow = {
      name: input.name,
      currency: input.currency,
      ...(input.customerGroup ? { customerGroup: input.customerGroup } : {}),
      prices: Object.fromEntries(input.prices.map((p) => [p.productId, p.amount])),
      priceListId: newId(),
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await PriceListEntity().create(row).go();
    return toPriceList(row);
  },

  async get(priceListId: string): Promise<PriceList | undefined> {
    const { data } = await PriceListEntity().get({ priceListId }).go();
    return data ? toPriceList(data as PriceListRow) : undefined;
  },

  /** The price lists of a currency (one keyed Query). */
  byCurrency(currency: string, request: PageRequest): Promise<Page<PriceList>> {
    return queryPage(request, (options) => PriceListEntity().query.byCurrency({ currency }).go(options), (row) => toPriceList(row as PriceListRow));
  },

  /**
   * Every price list of a currency as a price book: a customer group's list (matched against
   * the account's tags) wins over the currency's general list.
   */
  async bookFor(currency: string): Promise<PriceBook> {
    const { data } = await PriceListEntity().query.byCurrency({ currency }).go({ pages: 'all' });
    const lists = (data as PriceListRow[]).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return {
      priceOf(productId, groups) {
        const group = lists.find((l) => l.customerGroup && groups.includes(l.customerGroup) && productId in l.prices);
        const general = lists.find((l) => !l.customerGroup && productId in l.prices);
        return (group ?? general)?.prices[productId];
      },
    };
  },
};
