import { Entity } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/** Marker that makes a product SKU unique: written in the same transaction as the product. */
export const SkuClaimEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'skuClaim', version: '1', service: 'relasi' },
    attributes: {
      sku: { type: 'string', required: true, readOnly: true },
      productId: { type: 'string', required: true },
    },
    indexes: {
      bySku: {
        pk: { field: 'pk', composite: ['sku'] },
        sk: { field: 'sk', composite: [] },
      },
    },
  }),
);
