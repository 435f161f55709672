import type { Product, ProductCreate } from '../schemas/product.schema';
import type { Page } from '../../../platform/page';
import { nowIso } from '../../../platform/clock';
import { newId, sortKeyText } from '../../../platform/db/keys';
import { op } from '../../../platform/db/transaction';
import { queryPage, type PageRequest } from '../../../platform/db/page';
import { patchIfVersion, type Changes } from '../../../platform/db/versioned-update';
import { ProductEntity } from './product.entity';
import { SkuClaimEntity } from './sku-claim.entity';

export type ProductRow = Omit<Product, 'id' | 'unitPrice'> & { productId: string; sortName: string; amount: number; currency: string };

export function toProduct({ productId, sortName: _sortName, amount, currency, ...rest }: ProductRow): Product {
  return { ...rest, id: productId, unitPrice: { amount, currency } };
}

/** A new product record (not yet stored). */
export function newProductRecord(input: ProductCreate): ProductRow {
  const at = nowIso();
  const { unitPrice, ...rest } = input;
  return { ...rest, productId: newId(), sortName: sortKeyText(input.name), amount: unitPrice.amount, currency: unitPrice.currency, version: 1, createdAt: at, updatedAt: at };
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
    return (data as ProductRow | null) ?? undefined;
  },

  async getMany(productIds: string[]): Promise<ProductRow[]> {
    if (productIds.length === 0) return [];
    const { data } = await ProductEntity().get(productIds.map((productId) => ({ productId }))).go();
    return data as ProductRow[];
  },

  /** The catalogue by name; `active` narrows it to active or inactive products. */
  list(request: PageRequest, active?: boolean): Promise<Page<Product>> {
    const query = ProductEntity().query.byName({});
    const filtered = active === undefined ? query : query.where((attr, { eq }) => eq(attr.active, active));
    return queryPage(request, (options) => filtered.go(options), (row) => toProduct(row as ProductRow));
  },

  update(productId: string, expectedVersion: number, changes: Changes): Promise<ProductRow> {
    const withSortName = typeof changes.name === 'string' ? { ...changes, sortName: sortKeyText(changes.name) } : changes;
    return patchIfVersion<ProductRow>(() => ProductEntity().patch({ productId }) as never, 'Product', expectedVersion, withSortName);
  },
};
