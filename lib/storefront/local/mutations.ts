import type { Attribute, BuyerIdentity, CartRow } from './cart-repository';
import { cartObject } from './cart-objects';
import { discountFor } from './discounts';
import { parseGid } from './ids';
import { availableQuantity, type StoreContext } from './product-objects';

/** Shopify's per-line ceiling for this store: larger asks are almost always a typo. */
export const MAX_LINE_QUANTITY = 999;

interface UserError {
  __typename: 'CartUserError';
  field: string[] | null;
  message: string;
  code: string;
}

const userError = (field: string[] | null, message: string, code = 'INVALID'): UserError => ({ __typename: 'CartUserError', field, message, code });

interface LineInput {
  merchandiseId: string;
  quantity?: number | null;
  attributes?: Attribute[] | null;
}

/** Thrown inside a transaction so nothing is written; becomes the payload's userErrors. */
class Refusal extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((error) => error.message).join(' '));
  }
}

export function createMutations(context: StoreContext) {
  const { carts, catalog } = context;

  /** Runs a change atomically and answers as Shopify does: the cart (unchanged when refused) plus userErrors. */
  function change(cartId: string, work: (cart: CartRow) => void) {
    const token = parseGid(cartId, 'Cart');
    const cart = token ? carts.find(token) : null;
    if (!token || !cart) {
      return { cart: null, userErrors: [userError(['cartId'], 'The specified cart does not exist.')], warnings: [] };
    }
    try {
      carts.transaction(() => {
        work(cart);
        carts.touch(token);
      });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return { cart: cartObject(context, carts.find(token)!), userErrors: error.errors, warnings: [] };
    }
    return { cart: cartObject(context, carts.find(token)!), userErrors: [], warnings: [] };
  }

  function addLines(token: string, lines: LineInput[]) {
    lines.forEach((line, index) => {
      const field = ['lines', String(index)];
      const sku = parseGid(line.merchandiseId, 'ProductVariant');
      const found = sku ? catalog.variant(sku) : undefined;
      if (!found) throw new Refusal([userError([...field, 'merchandiseId'], `The merchandise with id ${line.merchandiseId} does not exist.`, 'INVALID_MERCHANDISE_LINE')]);
      const quantity = line.quantity ?? 1;
      checkQuantity(quantity, [...field, 'quantity'], 1);
      const available = availableQuantity(context, found.variant);
      if (!carts.addLine(token, found.variant.sku, quantity, Math.min(available, MAX_LINE_QUANTITY), line.attributes ?? [])) {
        throw new Refusal([
          userError(
            [...field, 'quantity'],
            available === 0
              ? `${found.product.title}, ${found.variant.title} is sold out.`
              : `Only ${available} of ${found.product.title}, ${found.variant.title} can be in a cart: that is all the stock.`,
            'MAXIMUM_EXCEEDED',
          ),
        ]);
      }
    });
  }

  function checkQuantity(quantity: number, field: string[], minimum: number) {
    if (quantity < minimum) {
      throw new Refusal([userError(field, minimum === 1 ? 'The quantity must be at least 1.' : 'The quantity cannot be negative.', 'INVALID')]);
    }
    if (quantity > MAX_LINE_QUANTITY) {
      throw new Refusal([userError(field, `The quantity cannot be more than ${MAX_LINE_QUANTITY}.`, 'MAXIMUM_EXCEEDED')]);
    }
  }

  function setDiscountCodes(token: string, codes: string[]) {
    const unknown = codes.filter((code) => !discountFor(code));
    if (unknown.length > 0) {
      throw new Refusal(unknown.map((code) => userError(['discountCodes'], `Discount code ${code} is not valid.`, 'INVALID')));
    }
    carts.setDiscountCodes(token, [...new Set(codes.map((code) => code.trim().toUpperCase()))]);
  }

  return {
    cartCreate({ input }: { input?: { lines?: LineInput[]; note?: string; attributes?: Attribute[]; buyerIdentity?: BuyerIdentity; discountCodes?: string[] } | null }) {
      const data = input ?? {};
      try {
        const token = carts.transaction(() => {
          const created = carts.create({ note: data.note, attributes: data.attributes ?? [], buyerIdentity: data.buyerIdentity ?? {} });
          if (data.lines) addLines(created, data.lines);
          if (data.discountCodes?.length) setDiscountCodes(created, data.discountCodes);
          return created;
        });
        return { cart: cartObject(context, carts.find(token)!), userErrors: [], warnings: [] };
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        return { cart: null, userErrors: error.errors, warnings: [] };
      }
    },
    cartLinesAdd({ cartId, lines }: { cartId: string; lines: LineInput[] }) {
      return change(cartId, (cart) => addLines(cart.token, lines));
    },
    cartLinesUpdate({ cartId, lines }: { cartId: string; lines: Array<{ id: string; quantity?: number | null; merchandiseId?: string | null }> }) {
      return change(cartId, (cart) => {
        const current = new Map(carts.lines(cart.token).map((line) => [line.id, line]));
        lines.forEach((input, index) => {
          const field = ['lines', String(index)];
          const lineId = parseGid(input.id, 'CartLine');
          const line = lineId ? current.get(lineId) : undefined;
          if (!line) throw new Refusal([userError([...field, 'id'], `The cart line with id ${input.id} does not exist.`, 'INVALID')]);
          if (input.quantity == null) return;
          checkQuantity(input.quantity, [...field, 'quantity'], 0);
          // Shopify removes a line whose quantity is set to 0.
          if (input.quantity === 0) return void carts.removeLine(cart.token, line.id);
          const found = catalog.variant(line.sku)!;
          const available = availableQuantity(context, found.variant);
          if (input.quantity > line.quantity && input.quantity > available) {
            throw new Refusal([
              userError([...field, 'quantity'], `Only ${available} of ${found.product.title}, ${found.variant.title} can be in a cart: that is all the stock.`, 'MAXIMUM_EXCEEDED'),
            ]);
          }
          carts.setQuantity(cart.token, line.id, input.quantity);
        });
      });
    },
    cartLinesRemove({ cartId, lineIds }: { cartId: string; lineIds: string[] }) {
      return change(cartId, (cart) => {
        lineIds.forEach((id, index) => {
          const lineId = parseGid(id, 'CartLine');
          if (!lineId || !carts.removeLine(cart.token, lineId)) {
            throw new Refusal([userError(['lineIds', String(index)], `The cart line with id ${id} does not exist.`, 'INVALID')]);
          }
        });
      });
    },
    cartNoteUpdate({ cartId, note }: { cartId: string; note: string }) {
      return change(cartId, (cart) => {
        if (note.length > 5000) throw new Refusal([userError(['note'], 'The note is too long (5,000 characters at most).', 'NOTE_TOO_LONG')]);
        carts.setNote(cart.token, note);
      });
    },
    cartAttributesUpdate({ cartId, attributes }: { cartId: string; attributes: Attribute[] }) {
      return change(cartId, (cart) => {
        const merged = new Map(cart.attributes.map((attribute) => [attribute.key, attribute]));
        for (const attribute of attributes) merged.set(attribute.key, { key: attribute.key, value: attribute.value ?? null });
        carts.setAttributes(cart.token, [...merged.values()]);
      });
    },
    cartBuyerIdentityUpdate({ cartId, buyerIdentity }: { cartId: string; buyerIdentity: BuyerIdentity & { customerAccessToken?: string } }) {
      return change(cartId, (cart) => {
        if (buyerIdentity.customerAccessToken) {
          throw new Refusal([userError(['buyerIdentity', 'customerAccessToken'], 'The local store has no customer accounts.', 'INVALID')]);
        }
        carts.setBuyerIdentity(cart.token, {
          countryCode: buyerIdentity.countryCode ?? cart.buyerIdentity.countryCode ?? null,
          email: buyerIdentity.email ?? cart.buyerIdentity.email ?? null,
          phone: buyerIdentity.phone ?? cart.buyerIdentity.phone ?? null,
        });
      });
    },
    cartDiscountCodesUpdate({ cartId, discountCodes }: { cartId: string; discountCodes?: string[] | null }) {
      return change(cartId, (cart) => setDiscountCodes(cart.token, discountCodes ?? []));
    },
  };
}
