import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { RECORD_ATTRIBUTES } from '../../../platform/db/record-attributes';

/** A product or service that quote lines can refer to. */
export const ProductEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'product', version: '1', service: 'relasi' },
    attributes: {
      productId: { type: 'string', required: true, readOnly: true },
      sku: { type: 'string', required: true, readOnly: true },
      name: { type: 'string', required: true },
      /** Lower-cased name: the catalogue's sort key. */
      sortName: { type: 'string', required: true },
      description: { type: 'string' },
      amount: { type: 'number', required: true },
      currency: { type: 'string', required: true },
      taxPercent: { type: 'number', required: true },
      active: { type: 'boolean', required: true },
      ...RECORD_ATTRIBUTES,
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['productId'] },
        sk: { field: 'sk', composite: [] },
      },
      /** The catalogue by name: one keyed Query. */
      byName: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: [] },
        sk: { field: 'gsi1sk', composite: ['sortName', 'productId'] },
      },
    },
  }),
);

export type ProductRow = EntityItem<ReturnType<typeof ProductEntity>>;
