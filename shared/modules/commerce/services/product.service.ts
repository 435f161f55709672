import type { PriceList, PriceListCreate, Product, ProductCreate, ProductPatch } from '../schemas/product.schema';
import { mapPage, type Page } from '../../../platform/page';
import type { Actor } from '../../identity/domain/identity';
import { productPolicy } from '../policy';
import { enforce } from '../../../platform/access';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../../platform/errors';
import { newProductRow, productRepository } from '../db/product.repository';
import { priceListRepository } from '../db/price-list.repository';
import { transact, TransactionConflict } from '../../../platform/db/transaction';
import { toPriceList, toProduct } from './commerce-views';

type PageInput = { limit: number; cursor?: string };

export const productService = {
  async list(actor: Actor, page: PageInput, active?: boolean): Promise<Page<Product>> {
    enforce(productPolicy.read(actor), 'Product');
    return mapPage(await productRepository.list({ ...page, callerId: actor.userId, list: `products:${active ?? ''}` }, active), toProduct);
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
    const { unitPrice, ...fields } = input;
    const row = newProductRow({ ...fields, amount: unitPrice.amount, currency: unitPrice.currency });
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
    const row = await priceListRepository.create({
      name: input.name,
      currency: input.currency,
      ...(input.customerGroup ? { customerGroup: input.customerGroup } : {}),
      prices: Object.fromEntries(input.prices.map((p) => [p.productId, p.amount])),
    });
    return toPriceList(row);
  },

  async getPriceList(actor: Actor, priceListId: string): Promise<PriceList> {
    enforce(productPolicy.read(actor), 'Price list');
    const row = await priceListRepository.get(priceListId);
    if (!row) throw new NotFoundError('Price list');
    return toPriceList(row);
  },

  async listPriceLists(actor: Actor, currency: string, page: PageInput): Promise<Page<PriceList>> {
    enforce(productPolicy.read(actor), 'Price list');
    return mapPage(await priceListRepository.byCurrency(currency, { ...page, callerId: actor.userId, list: `price-lists:${currency}` }), toPriceList);
  },
};
