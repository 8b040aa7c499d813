import type { GraphQLResolveInfo } from 'graphql';
import type { CatalogProduct } from '@/lib/content/catalog-types';
import { cartObject } from './cart-objects';
import { connection, type ConnectionArgs } from './connection';
import { parseGid } from './ids';
import { createMutations } from './mutations';
import { notImplemented } from './not-implemented';
import { productObject, variantObject, type StoreContext } from './product-objects';
import { toCents } from './money';

type ProductsArgs = ConnectionArgs & { sortKey?: string | null; query?: string | null };

/** Sorts the local store can honour; catalog order stands in for Shopify's ids, which follow creation order. */
const PRODUCT_ORDERS: Record<string, ((a: CatalogProduct, b: CatalogProduct) => number) | null> = {
  ID: null,
  RELEVANCE: null,
  TITLE: (a, b) => a.title.localeCompare(b.title),
  VENDOR: (a, b) => a.vendor.localeCompare(b.vendor),
  PRICE: (a, b) => minPrice(a) - minPrice(b),
};

const minPrice = (product: CatalogProduct) => Math.min(...product.variants.map((variant) => toCents(variant.price)));

/** The root fields the local store answers; every other root field errors through the field resolver. */
export function createRootValue(context: StoreContext) {
  const { catalog, carts } = context;

  const node = ({ id }: { id: string }, info: GraphQLResolveInfo) => {
    const type = /^gid:\/\/shopify\/(\w+)\//.exec(id)?.[1];
    if (!type) return null;
    if (type === 'Product') {
      const product = catalog.product(parseGid(id, 'Product') ?? '');
      return product ? productObject(context, product) : null;
    }
    if (type === 'ProductVariant') {
      const found = catalog.variant(parseGid(id, 'ProductVariant') ?? '');
      return found ? variantObject(context, found.product, found.variant) : null;
    }
    if (type === 'Cart') {
      const cart = carts.find(parseGid(id, 'Cart') ?? '');
      return cart ? cartObject(context, cart) : null;
    }
    throw notImplemented(info, `lookups of ${type}`);
  };

  return {
    product: ({ handle, id }: { handle?: string | null; id?: string | null }) => {
      const key = handle ?? parseGid(id, 'Product');
      const product = key ? catalog.product(key) : undefined;
      return product ? productObject(context, product) : null;
    },
    products: (args: ProductsArgs, _context: unknown, info: GraphQLResolveInfo) => {
      if (args.query) throw notImplemented(info, 'the query argument');
      const sortKey = args.sortKey ?? 'ID';
      if (!(sortKey in PRODUCT_ORDERS)) throw notImplemented(info, `sortKey ${sortKey}`);
      const order = PRODUCT_ORDERS[sortKey];
      const products = order ? [...catalog.allProducts()].sort(order) : catalog.allProducts();
      return { ...connection(products.map((product) => productObject(context, product)), args), filters: [] };
    },
    node: (args: { id: string }, _context: unknown, info: GraphQLResolveInfo) => node(args, info),
    nodes: ({ ids }: { ids: string[] }, _context: unknown, info: GraphQLResolveInfo) => ids.map((id) => node({ id }, info)),
    cart: ({ id }: { id: string }) => {
      const token = parseGid(id, 'Cart');
      const cart = token ? carts.find(token) : null;
      return cart ? cartObject(context, cart) : null;
    },
    ...createMutations(context),
  };
}
