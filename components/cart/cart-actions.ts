import type { CartView } from '@/lib/storefront/cart-view';

/** The store refused part of a change, in its own words, for a line or for the variant being added. */
export interface CartRefusal {
  lineId?: string;
  merchandiseId?: string;
  discountCode?: string;
  message: string;
}

export interface CartActionResult {
  /** The cart as the store now holds it (null: no cart); undefined when the store was not reached. */
  cart?: CartView | null;
  refusals: CartRefusal[];
  /** A problem with the whole request (store down or slow, too many requests), worth retrying. */
  problem?: string;
}

export type CartAction = (formData: FormData) => Promise<CartActionResult>;

/**
 * The Server Actions the cart UI calls, handed down by the layout (app/) so components never import
 * routes. The same functions serve forms posted without JavaScript.
 */
export interface CartActions {
  load: () => Promise<CartActionResult>;
  add: CartAction;
  /** `add` with useActionState's signature, for the buy box's form before hydration. */
  addFromPage: (previous: CartActionResult | null, formData: FormData) => Promise<CartActionResult>;
  updateQuantity: CartAction;
  remove: CartAction;
  changePlan: CartAction;
  applyDiscount: CartAction;
  removeDiscount: CartAction;
}

/**
 * A Server Action as a `<form action>` before hydration. The reference itself must be passed (a
 * wrapper would lose progressive enhancement); React ignores its result there, so the type says void.
 */
export function asFormAction(action: CartAction): (formData: FormData) => Promise<void> {
  return action as unknown as (formData: FormData) => Promise<void>;
}
