import { CustomAttributeType, Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import type { ProductPrices } from '../domain/price-book';

/**
 * A price list: special unit prices for one currency, optionally for one customer group.
 * Its prices live in the same item (a catalogue of a caterer is small), read with the list.
 */
export const PriceListEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'priceList', version: '1', service: 'relasi' },
    attributes: {
      priceListId: { type: 'string', required: true, readOnly: true },
      name: { type: 'string', required: true },
      currency: { type: 'string', required: true },
      /** Empty for the currency's general list. */
      customerGroup: { type: 'string' },
      prices: { type: CustomAttributeType<ProductPrices>('any'), required: true },
      version: { type: 'number', required: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['priceListId'] },
        sk: { field: 'sk', composite: [] },
      },
      /** The lists of a currency (a handful: general and per customer group). */
      byCurrency: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['currency'] },
        sk: { field: 'gsi1sk', composite: ['priceListId'] },
      },
    },
  }),
);

export type PriceListRow = EntityItem<ReturnType<typeof PriceListEntity>>;
