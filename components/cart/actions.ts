'use server';

import { redirect } from 'next/navigation';
import { clientAddress } from '@/lib/security/client-address';
import { retryAfterSeconds } from '@/lib/security/rate-limit';
import {
  cartDiscountCodesUpdate,
  cartLinesAddOrCreate,
  cartLinesRemove,
  cartLinesUpdate,
  toCartView,
  type CartChange,
  type CartWarning,
  type Shopper,
} from '@/lib/storefront';
import { flash, readCartId, rememberCartId } from './cart-cookie';
import { forgetDiscountCode, rememberedDiscountCode } from './discount-cookie';
import { calledFromScript } from './request-context';
import { shopper, storeProblem, type CartActionResult, type CartRefusal } from './store-answer';

export type { CartActionResult, CartRefusal } from './store-answer';

const MAX_QUANTITY = 99;
const VARIANT_ID = /^gid:\/\/shopify\/ProductVariant\/[A-Za-z0-9_-]{1,64}$/;
const PLAN_ID = /^gid:\/\/shopify\/SellingPlan\/[A-Za-z0-9_-]{1,64}$/;
const DISCOUNT_CODE = /^[A-Za-z0-9_-]{1,64}$/;
const LINE_ID = /^gid:\/\/shopify\/CartLine\/[A-Za-z0-9_-]{1,64}(\?cart=[A-Za-z0-9_-]{1,128})?$/;

/**
 * A change the shopper makes, with useActionState's arguments (the previous answer, unused, then
 * the form): that is what lets React give a form posted before hydration a real `action` URL, where
 * the bare action would leave the empty one HTML does not allow. The same function serves both.
 */
export type CartAction = (previous: unknown, formData: FormData) => Promise<CartActionResult>;

export async function addToCart(_previous: unknown, formData: FormData): Promise<CartActionResult> {
  const merchandiseId = text(formData, 'merchandiseId');
  const quantity = parseQuantity(formData.get('quantity'), 1);
  const sellingPlanId = text(formData, 'sellingPlanId') || undefined;
  if (
    !VARIANT_ID.test(merchandiseId) ||
    quantity === null ||
    quantity < 1 ||
    (sellingPlanId && !PLAN_ID.test(sellingPlanId))
  ) {
    return answer({
      refusals: [],
      problem: `Choose a size and a quantity between 1 and ${MAX_QUANTITY}, then add to cart again.`,
    });
  }
  const cartId = await readCartId();
  if (!cartId) {
    const address = await clientAddress();
    const wait = address ? await retryAfterSeconds('cartCreate', address) : null;
    if (wait)
      return answer({
        refusals: [],
        problem: `Too many new carts from your connection. Please try again in ${wait} seconds.`,
      });
  }
  const who = await shopper();
  const result = await applyChange(
    cartId,
    async () =>
      withRememberedCode(
        await cartLinesAddOrCreate(cartId, [{ merchandiseId, quantity, sellingPlanId }], who),
        who,
      ),
    { merchandiseId },
  );
  return answer(result, 'Added to cart.');
}

/** A code from a discount link waits for a cart (app/discount); the next add puts it on. */
async function withRememberedCode(change: CartChange, who: Shopper): Promise<CartChange> {
  if (!change.cart) return change;
  const code = await rememberedDiscountCode();
  if (!code) return change;
  const applied = await cartDiscountCodesUpdate(
    change.cart.id,
    (codes) => [...new Set([...codes, code])],
    who,
  );
  await forgetDiscountCode();
  return {
    cart: applied.cart ?? change.cart,
    userErrors: [...change.userErrors, ...applied.userErrors],
    warnings: [...change.warnings, ...applied.warnings],
  };
}

/** Sets a line's quantity; 0 removes it. The +/− buttons send the quantity they lead to. */
export async function changeQuantity(
  _previous: unknown,
  formData: FormData,
): Promise<CartActionResult> {
  const lineId = text(formData, 'lineId');
  const quantity = parseQuantity(formData.get('quantity'), null);
  const cartId = await readCartId();
  if (!cartId || !LINE_ID.test(lineId) || quantity === null) {
    return answer({
      refusals: [],
      problem: `That quantity could not be read. Use a whole number between 0 and ${MAX_QUANTITY}.`,
    });
  }
  const who = await shopper();
  const change =
    quantity === 0
      ? () => cartLinesRemove(cartId, [lineId], who)
      : () => cartLinesUpdate(cartId, [{ id: lineId, quantity }], who);
  return answer(
    await applyChange(cartId, change, { lineId }),
    quantity === 0 ? 'Removed from cart.' : 'Cart updated.',
  );
}

export async function removeItem(
  _previous: unknown,
  formData: FormData,
): Promise<CartActionResult> {
  const lineId = text(formData, 'lineId');
  const cartId = await readCartId();
  if (!cartId || !LINE_ID.test(lineId))
    return answer({ refusals: [], problem: 'That item is no longer in your cart.' });
  const who = await shopper();
  return answer(
    await applyChange(cartId, () => cartLinesRemove(cartId, [lineId], who), { lineId }),
    'Removed from cart.',
  );
}

/** Moves a line onto a subscription plan, to another one, or back to one-time (empty plan). */
export async function changePlan(
  _previous: unknown,
  formData: FormData,
): Promise<CartActionResult> {
  const lineId = text(formData, 'lineId');
  const planId = text(formData, 'sellingPlanId');
  const cartId = await readCartId();
  if (!cartId || !LINE_ID.test(lineId) || (planId !== '' && !PLAN_ID.test(planId))) {
    return answer({
      refusals: [],
      problem: 'That delivery choice could not be read. Choose one from the list and try again.',
    });
  }
  const who = await shopper();
  const result = await applyChange(
    cartId,
    () => cartLinesUpdate(cartId, [{ id: lineId, sellingPlanId: planId || null }], who),
    { lineId },
  );
  return answer(result, planId ? 'Delivery plan updated.' : 'Changed to a one-time purchase.');
}

/** Adds a code to the ones on the cart; the store says whether it applies, in its own words. */
export async function applyDiscount(
  _previous: unknown,
  formData: FormData,
): Promise<CartActionResult> {
  const code = text(formData, 'code').trim();
  const cartId = await readCartId();
  if (!DISCOUNT_CODE.test(code))
    return answer({
      refusals: [],
      problem: 'Enter a discount code: letters, digits and dashes, up to 64 characters.',
    });
  if (!cartId)
    return answer({
      refusals: [
        {
          discountCode: code,
          message: 'Add something to your cart before entering a discount code.',
        },
      ],
    });
  const who = await shopper();
  const result = await applyChange(
    cartId,
    () => cartDiscountCodesUpdate(cartId, (codes) => [...new Set([...codes, code])], who),
    { discountCode: code },
  );
  return answer(result, `Discount code ${code.toUpperCase()} applied.`);
}

export async function removeDiscount(
  _previous: unknown,
  formData: FormData,
): Promise<CartActionResult> {
  const code = text(formData, 'code').trim();
  const cartId = await readCartId();
  if (!cartId || !DISCOUNT_CODE.test(code))
    return answer({ refusals: [], problem: 'That discount code is not on your cart.' });
  const who = await shopper();
  const result = await applyChange(
    cartId,
    () =>
      cartDiscountCodesUpdate(
        cartId,
        (codes) => codes.filter((entry) => entry.toUpperCase() !== code.toUpperCase()),
        who,
      ),
    { discountCode: code },
  );
  return answer(result, `Discount code ${code.toUpperCase()} removed.`);
}

async function applyChange(
  cartId: string | undefined,
  change: () => Promise<CartChange>,
  target: Omit<CartRefusal, 'message'>,
): Promise<CartActionResult> {
  try {
    const result = await change();
    // Only a new cart sets the cookie: a cookie change makes Next re-render the page for the action.
    if (result.cart && result.cart.id !== cartId) await rememberCartId(result.cart.id);
    return {
      cart: result.cart ? toCartView(result.cart) : null,
      refusals: [
        ...result.userErrors.map((error) => ({ ...target, message: error.message })),
        ...result.warnings.map(warningRefusal),
      ],
    };
  } catch (error) {
    return {
      refusals: [],
      problem: storeProblem(error, 'Nothing in your cart was changed; please try again.'),
    };
  }
}

/**
 * A stock warning is about a line (the quantity was set to what is in stock) or, when nothing could
 * be added, about the variant: it is shown there, like a refusal, though the change was made.
 */
function warningRefusal(warning: CartWarning): CartRefusal {
  const about = warning.target.startsWith('gid://shopify/CartLine/')
    ? { lineId: warning.target }
    : { merchandiseId: warning.target };
  return { ...about, message: warning.message };
}

/**
 * With JavaScript the caller gets the cart back and stays on the page; a plain form post lands on
 * /cart with the outcome as a one-time message (post/redirect/get, so a reload does not repeat it).
 */
async function answer(result: CartActionResult, success = ''): Promise<CartActionResult> {
  if (await calledFromScript()) return result;
  const refusal = result.refusals[0];
  const problem = result.problem ?? refusal?.message;
  // A message about one line is shown by that line on /cart, as it is with JavaScript.
  await flash(
    problem ?? success,
    problem ? 'error' : 'success',
    result.problem ? undefined : refusal?.lineId,
  );
  redirect('/cart');
}

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value.slice(0, 300) : '';
}

function parseQuantity(value: FormDataEntryValue | null, fallback: number | null): number | null {
  if (value === null || value === '') return fallback;
  if (typeof value !== 'string' || !/^\d{1,3}$/.test(value.trim())) return null;
  const quantity = Number(value);
  return quantity <= MAX_QUANTITY ? quantity : null;
}
