import type { PriceList, PriceListCreate, Product, ProductCreate, ProductPatch } from '../schemas/product.schema';
import type { Page } from '../../../platform/page';
import type { Actor } from '../../identity/domain/identity';
import { productPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { ConflictError, NotFoundError } from '../../../platform/errors';
import { newProductRecord, productRepository, toProduct } from '../db/product.repository';
import { priceListRepository } from '../db/price-list.repository';
import { BusinessRuleError } from '../../../platform/errors';
import { transact, TransactionConflict } from '../../../platform/db/transaction';

type PageInput = { limit: number; cursor?: string };

export const productService = {
  async list(actor: Actor, page: PageInput, active?: boolean): Promise<Page<Product>> {
    enforce(productPolicy.read(actor), 'Product');
    return productRepository.list({ ...page, callerId: actor.userId, list: `products:${active ?? ''}` }, active);
  },

  async get(actor: Actor, productId: string): Promise<Product> {
    enforce(productPolicy.read(actor), 'Product');
    const row = await productRepository.get(productId);
    if (!row) throw new NotFoundError('Product');
    return toProduct(row);
  },

  /** Create a product; its SKU is unique (case-insensitive), kept by a marker item in the same transaction. */
  async create(actor: Actor, input: ProductCreate): Promise<Product> {
    enforce(productPolicy.write(actor), 'Product');
    const row = newProductRecord(input);
    try {
      await transact(productRepository.createOperations(row));
    } catch (error) {
      if (error instanceof TransactionConflict) throw new ConflictError('sku_taken', `A product with SKU ${input.sku} exists already.`, { cause: error });
      throw error;
    }
    return toProduct(row);
  },

  async update(actor: Actor, productId: string, version: number, patch: ProductPatch): Promise<Product> {
    enforce(productPolicy.write(actor), 'Product');
    const { version: _bodyVersion, unitPrice, ...changes } = patch;
    const row = await productRepository.update(productId, version, {
      ...changes,
      ...(unitPrice ? { amount: unitPrice.amount, currency: unitPrice.currency } : {}),
    });
    return toProduct(row);
  },

  /** A price list of special prices for a currency, optionally for a customer group (an account tag). */
  async createPriceList(actor: Actor, input: PriceListCreate): Promise<PriceList> {
    enforce(productPolicy.write(actor), 'Price list');
    const ids = [...new Set(input.prices.map((p) => p.productId))];
    if (ids.length !== input.prices.length) throw new BusinessRuleError('duplicate_product', 'A product appears twice in the price list.');
    const found = await productRepository.getMany(ids);
    if (found.length !== ids.length) throw new BusinessRuleError('unknown_product', 'The price list names a product that does not exist.');
    return priceListRepository.create(input);
  },

  async getPriceList(actor: Actor, priceListId: string): Promise<PriceList> {
    enforce(productPolicy.read(actor), 'Price list');
    const list = await priceListRepository.get(priceListId);
    if (!list) throw new NotFoundError('Price list');
    return list;
  },

  async listPriceLists(actor: Actor, currency: string, page: PageInput): Promise<Page<PriceList>> {
    enforce(productPolicy.read(actor), 'Price list');
    return priceListRepository.byCurrency(currency, { ...page, callerId: actor.userId, list: `price-lists:${currency}` });
  },
};
