import { cartObject } from './cart-objects';
import { refusalFor } from './discounts';
import { parseGid } from './ids';
import {
  createLineChanges,
  type CartWarning,
  type LineInput,
  type LineUpdateInput,
} from './line-changes';
import { rejectUnsupportedInput } from './not-implemented';
import { pricedLines, subtotalCents } from './priced-lines';
import { Refusal, userError, type UserError } from './user-errors';
import type { CartRow } from './cart-repository';
import type { StoreContext } from './product-objects';

interface CartInput {
  lines?: LineInput[] | null;
  discountCodes?: string[] | null;
}

const LINE_INPUT_FIELDS = ['merchandiseId', 'quantity', 'sellingPlanId'];

/** The cart mutations, each answering as Shopify does: the cart (unchanged when refused) and userErrors. */
export function createMutations(context: StoreContext) {
  const { carts } = context;
  const lines = createLineChanges(context);

  // Stock is warned about as Shopify does; a code that does not apply is still refused as a userError.
  const payload = (token: string | null, userErrors: UserError[], warnings: CartWarning[] = []) => {
    const cart = token ? carts.find(token) : null;
    return { cart: cart ? cartObject(context, cart) : null, userErrors, warnings };
  };

  /** Reads the cart inside the transaction, so a checkout in another process cannot slip in between. */
  function change(cartId: string, work: (cart: CartRow) => CartWarning[] | void) {
    const token = parseGid(cartId, 'Cart');
    const missing = () =>
      payload(null, [userError(['cartId'], 'The specified cart does not exist.')]);
    if (!token) return missing();
    try {
      const warnings = carts.transaction(() => {
        const cart = carts.find(token);
        if (!cart) return null;
        const made = work(cart) ?? [];
        carts.touch(token);
        return made;
      });
      return warnings ? payload(token, [], warnings) : missing();
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return payload(token, error.errors);
    }
  }

  /**
   * Codes from content/discounts.yaml. A code being added is refused unless it applies to the cart as
   * it is now (after the lines of the same request). A code already on the cart stays when the list is
   * sent again, even if it no longer applies (the subtotal dropped below its minimum, or content
   * removed it): it then shows as not applicable, and removing another code is never blocked by it.
   */
  function setDiscountCodes(
    token: string,
    requested: readonly string[],
    current: readonly string[] = [],
  ): void {
    const codes = [...new Set(requested.map((code) => code.trim().toUpperCase()).filter(Boolean))];
    const subtotal = subtotalCents(pricedLines(context, token));
    const refusals = codes
      .filter((code) => !current.includes(code))
      .flatMap((code) => refusalFor(context.catalog, code, subtotal) ?? []);
    if (refusals.length > 0) {
      // CartErrorCode has no discount-specific value (those are warning codes); INVALID is the nearest.
      throw new Refusal(refusals.map((message) => userError(['discountCodes'], message)));
    }
    carts.setDiscountCodes(token, codes);
  }

  return {
    cartCreate({ input }: { input?: CartInput | null }) {
      const data = input ?? {};
      rejectUnsupportedInput('CartInput', [data], ['lines', 'discountCodes']);
      rejectUnsupportedInput('CartLineInput', data.lines ?? [], LINE_INPUT_FIELDS);
      try {
        const { token, warnings } = carts.transaction(() => {
          const created = carts.create();
          const added = data.lines ? lines.add(created, data.lines) : [];
          if (data.discountCodes) setDiscountCodes(created, data.discountCodes);
          return { token: created, warnings: added };
        });
        return payload(token, [], warnings);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        return payload(null, error.errors);
      }
    },
    cartLinesAdd({ cartId, lines: input }: { cartId: string; lines: LineInput[] }) {
      rejectUnsupportedInput('CartLineInput', input, LINE_INPUT_FIELDS);
      return change(cartId, (cart) => lines.add(cart.token, input));
    },
    cartLinesUpdate({ cartId, lines: input }: { cartId: string; lines: LineUpdateInput[] }) {
      rejectUnsupportedInput('CartLineUpdateInput', input, ['id', 'quantity', 'sellingPlanId']);
      return change(cartId, (cart) => lines.update(cart.token, input));
    },
    cartLinesRemove({ cartId, lineIds }: { cartId: string; lineIds: string[] }) {
      return change(cartId, (cart) => lines.remove(cart.token, lineIds));
    },
    cartDiscountCodesUpdate(args: { cartId: string; discountCodes?: string[] | null }) {
      return change(args.cartId, (cart) =>
        setDiscountCodes(cart.token, args.discountCodes ?? [], cart.discountCodes),
      );
    },
  };
}
