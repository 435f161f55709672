import type { Page } from '../../../platform/page';
import { nowIso } from '../../../platform/clock';
import { newId, sortKeyText } from '../../../platform/db/keys';
import { op } from '../../../platform/db/transaction';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { patchIfVersion, type Changes } from '../../../platform/db/versioned-update';
import { ProductEntity, type ProductRow } from './product.entity';
import { SkuClaimEntity } from './sku-claim.entity';

/** What a new product says; its id, sort key, version and times are the repository's. */
export type ProductFields = Omit<ProductRow, 'productId' | 'sortName' | 'version' | 'createdAt' | 'updatedAt'>;

/** A new product row (not yet stored). */
export function newProductRow(fields: ProductFields): ProductRow {
  const at = nowIso();
  return { ...fields, productId: newId(), sortName: sortKeyText(fields.name), version: 1, createdAt: at, updatedAt: at };
}

export const productRepository = {
  /** The product and its SKU marker: a second product with the same SKU fails the transaction. */
  createOperations(row: ProductRow) {
    return [
      op.put(ProductEntity().create(row).params()),
      op.put(SkuClaimEntity().create({ sku: row.sku.toLowerCase(), productId: row.productId }).params()),
    ];
  },

  async get(productId: string): Promise<ProductRow | undefined> {
    const { data } = await ProductEntity().get({ productId }).go();
    return data ?? undefined;
  },

  async getMany(productIds: string[]): Promise<ProductRow[]> {
    if (productIds.length === 0) return [];
    const { data } = await ProductEntity().get(productIds.map((productId) => ({ productId }))).go();
    return data;
  },

  /** The catalogue by name; `active` narrows it to active or inactive products. */
  list(request: PageRequest, active?: boolean): Promise<Page<ProductRow>> {
    const query = ProductEntity().query.byName({});
    const filtered = active === undefined ? query : query.where((attr, { eq }) => eq(attr.active, active));
    return queryPage(request, (options) => filtered.go(options), (row) => row);
  },

  update(productId: string, expectedVersion: number, changes: Changes): Promise<ProductRow> {
    const withSortName = typeof changes.name === 'string' ? { ...changes, sortName: sortKeyText(changes.name) } : changes;
    return patchIfVersion(() => ProductEntity().patch({ productId }), 'Product', expectedVersion, withSortName);
  },
};
