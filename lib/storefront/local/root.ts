import { cartObject } from './cart-objects';
import { LOCAL_SHOP_ID, parseGid } from './ids';
import { createMutations } from './mutations';
import { refuseArguments } from './not-implemented';
import { productObject, type StoreContext } from './product-objects';
import type { GraphQLResolveInfo } from 'graphql';

/** The root fields the local store answers; every other root field errors through the field resolver. */
export function createRootValue(context: StoreContext) {
  const { catalog, carts } = context;
  return {
    product: (args: { handle?: string | null }, _context: unknown, info: GraphQLResolveInfo) => {
      refuseArguments(args, info, ['handle']);
      const product = args.handle ? catalog.products.get(args.handle) : undefined;
      return product ? productObject(context, product) : null;
    },
    // One shop, as Shopify answers for the store a token belongs to; the id is the local store's own.
    shop: () => ({ id: LOCAL_SHOP_ID, paymentSettings: { currencyCode: catalog.currency } }),
    cart: ({ id }: { id: string }) => {
      const token = parseGid(id, 'Cart');
      const cart = token ? carts.find(token) : null;
      return cart ? cartObject(context, cart) : null;
    },
    ...createMutations(context),
  };
}
