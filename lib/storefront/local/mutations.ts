import type { Attribute, BuyerIdentity, CartRow } from './cart-repository';
import { cartObject } from './cart-objects';
import { discountFor } from './discounts';
import { parseGid } from './ids';
import { createLineChanges, type LineInput, type LineUpdateInput } from './line-changes';
import { rejectUnsupportedInput } from './not-implemented';
import type { StoreContext } from './product-objects';
import { Refusal, userError, type UserError } from './user-errors';

const NOTE_LIMIT = 5000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface BuyerIdentityInput extends BuyerIdentity {
  customerAccessToken?: string | null;
  companyLocationId?: string | null;
  preferences?: unknown;
}

interface CartInput {
  lines?: LineInput[] | null;
  note?: string | null;
  attributes?: Attribute[] | null;
  buyerIdentity?: BuyerIdentityInput | null;
  discountCodes?: string[] | null;
}

const UNSUPPORTED_BUYER_FIELDS = ['customerAccessToken', 'companyLocationId', 'preferences'];
const UNSUPPORTED_LINE_FIELDS = ['parent', 'sellingPlanId'];

function rejectUnsupportedLines(typeName: string, lines: readonly object[] | null | undefined): void {
  for (const line of lines ?? []) rejectUnsupportedInput(typeName, line, UNSUPPORTED_LINE_FIELDS);
}

/** The cart mutations, each answering as Shopify does: the cart (unchanged when refused) and userErrors. */
export function createMutations(context: StoreContext) {
  const { carts } = context;
  const lines = createLineChanges(context);

  const payload = (token: string | null, userErrors: UserError[]) => {
    const cart = token ? carts.find(token) : null;
    return { cart: cart ? cartObject(context, cart) : null, userErrors, warnings: [] };
  };

  /** Reads the cart inside the transaction, so a checkout in another process cannot slip in between. */
  function change(cartId: string, work: (cart: CartRow) => void) {
    const token = parseGid(cartId, 'Cart');
    const missing = () => ({ cart: null, userErrors: [userError(['cartId'], 'The specified cart does not exist.')], warnings: [] });
    if (!token) return missing();
    try {
      const found = carts.transaction(() => {
        const cart = carts.find(token);
        if (!cart) return false;
        work(cart);
        carts.touch(token);
        return true;
      });
      return found ? payload(token, []) : missing();
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return payload(token, error.errors);
    }
  }

  function setDiscountCodes(token: string, requested: string[]): void {
    const codes = [...new Set(requested.map((code) => code.trim().toUpperCase()).filter(Boolean))];
    const unknown = codes.filter((code) => !discountFor(code));
    if (unknown.length > 0) {
      // CartErrorCode has no discount-specific value (those are warning codes); INVALID is the nearest.
      throw new Refusal(unknown.map((code) => userError(['discountCodes'], `Discount code ${code} is not valid.`)));
    }
    carts.setDiscountCodes(token, codes);
  }

  function checkedBuyerIdentity(input: BuyerIdentityInput, current: BuyerIdentity, field: string[]): BuyerIdentity {
    // An omitted field keeps its value; an explicit null clears it.
    const pick = <K extends keyof BuyerIdentity>(key: K) => (key in input ? (input[key] ?? null) : (current[key] ?? null));
    const identity = { countryCode: pick('countryCode'), email: pick('email'), phone: pick('phone') };
    if (identity.email && !EMAIL.test(identity.email)) throw new Refusal([userError([...field, 'email'], `The email address "${identity.email}" is not valid.`)]);
    return identity;
  }

  function checkedNote(note: string, field: string[]): string {
    if (note.length > NOTE_LIMIT) throw new Refusal([userError(field, `The note is too long (${NOTE_LIMIT.toLocaleString('en-US')} characters at most).`, 'NOTE_TOO_LONG')]);
    return note;
  }

  return {
    cartCreate({ input }: { input?: CartInput | null }) {
      const data = input ?? {};
      rejectUnsupportedInput('CartInput', data, ['delivery', 'giftCardCodes', 'metafields']);
      rejectUnsupportedInput('CartBuyerIdentityInput', data.buyerIdentity, UNSUPPORTED_BUYER_FIELDS);
      rejectUnsupportedLines('CartLineInput', data.lines);
      try {
        const token = carts.transaction(() => {
          const created = carts.create({
            note: data.note == null ? null : checkedNote(data.note, ['input', 'note']),
            attributes: data.attributes ?? [],
            buyerIdentity: checkedBuyerIdentity(data.buyerIdentity ?? {}, {}, ['input', 'buyerIdentity']),
          });
          if (data.lines) lines.add(created, data.lines);
          if (data.discountCodes) setDiscountCodes(created, data.discountCodes);
          return created;
        });
        return payload(token, []);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        return { cart: null, userErrors: error.errors, warnings: [] };
      }
    },
    cartLinesAdd({ cartId, lines: input }: { cartId: string; lines: LineInput[] }) {
      rejectUnsupportedLines('CartLineInput', input);
      return change(cartId, (cart) => lines.add(cart.token, input));
    },
    cartLinesUpdate({ cartId, lines: input }: { cartId: string; lines: LineUpdateInput[] }) {
      rejectUnsupportedLines('CartLineUpdateInput', input);
      return change(cartId, (cart) => lines.update(cart.token, input));
    },
    cartLinesRemove({ cartId, lineIds }: { cartId: string; lineIds: string[] }) {
      return change(cartId, (cart) => lines.remove(cart.token, lineIds));
    },
    cartNoteUpdate({ cartId, note }: { cartId: string; note: string }) {
      return change(cartId, (cart) => carts.setNote(cart.token, checkedNote(note, ['note'])));
    },
    cartAttributesUpdate({ cartId, attributes }: { cartId: string; attributes: Attribute[] }) {
      return change(cartId, (cart) => {
        const merged = new Map(cart.attributes.map((attribute) => [attribute.key, attribute]));
        for (const attribute of attributes) merged.set(attribute.key, { key: attribute.key, value: attribute.value ?? null });
        carts.setAttributes(cart.token, [...merged.values()]);
      });
    },
    cartBuyerIdentityUpdate({ cartId, buyerIdentity }: { cartId: string; buyerIdentity: BuyerIdentityInput }) {
      rejectUnsupportedInput('CartBuyerIdentityInput', buyerIdentity, UNSUPPORTED_BUYER_FIELDS);
      return change(cartId, (cart) => carts.setBuyerIdentity(cart.token, checkedBuyerIdentity(buyerIdentity, cart.buyerIdentity, ['buyerIdentity'])));
    },
    cartDiscountCodesUpdate({ cartId, discountCodes }: { cartId: string; discountCodes?: string[] | null }) {
      return change(cartId, (cart) => setDiscountCodes(cart.token, discountCodes ?? []));
    },
  };
}
