/** productId → unit price in minor units: the prices one price list holds. */
export type ProductPrices = Record<string, number>;

/** A price list as far as pricing reads it. */
type ListedPrices = { customerGroup?: string; prices: ProductPrices; createdAt: string };

/** The price lists that apply to one document: resolve a product's price in memory. */
export type PriceBook = { priceOf(productId: string, groups: string[]): number | undefined };

/**
 * The price lists of one currency as a price book: a customer group's list (matched against
 * the account's tags) wins over the currency's general list; of two that both price a
 * product, the older one does.
 */
export function priceBook(lists: ListedPrices[]): PriceBook {
  const byAge = [...lists].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    priceOf(productId, groups) {
      const group = byAge.find((l) => l.customerGroup && groups.includes(l.customerGroup) && productId in l.prices);
      const general = byAge.find((l) => !l.customerGroup && productId in l.prices);
      return (group ?? general)?.prices[productId];
    },
  };
}
