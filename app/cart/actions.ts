'use server';

import { redirect } from 'next/navigation';
import { addToCart, removeCartLine, StorefrontError, updateCartLine, type CartChange } from '@/lib/storefront';
import { flash, readCartId, rememberCartId } from './cart-cookie';

const MAX_QUANTITY = 99;

/** Form posts from the buy box and /cart; they work without JavaScript and always land on /cart. */
export async function addToCartAction(formData: FormData): Promise<never> {
  const merchandiseId = String(formData.get('merchandiseId') ?? '');
  const quantity = parseQuantity(formData.get('quantity'), 1);
  if (!merchandiseId.startsWith('gid://shopify/ProductVariant/') || quantity === null || quantity < 1) {
    await flash('Choose a size and a quantity between 1 and 99, then add to cart again.', 'error');
    redirect('/cart');
  }
  const cartId = await readCartId();
  await applyChange(() => addToCart(cartId, merchandiseId, quantity), 'Added to cart.');
  redirect('/cart');
}

export async function updateLineAction(formData: FormData): Promise<never> {
  const lineId = String(formData.get('lineId') ?? '');
  const quantity = parseQuantity(formData.get('quantity'), null);
  const cartId = await readCartId();
  if (!cartId || !lineId || quantity === null) {
    await flash('That quantity could not be read. Use a whole number between 0 and 99.', 'error');
    redirect('/cart');
  }
  await applyChange(() => (quantity === 0 ? removeCartLine(cartId, lineId) : updateCartLine(cartId, lineId, quantity)), 'Cart updated.');
  redirect('/cart');
}

export async function removeLineAction(formData: FormData): Promise<never> {
  const lineId = String(formData.get('lineId') ?? '');
  const cartId = await readCartId();
  if (cartId && lineId) await applyChange(() => removeCartLine(cartId, lineId), 'Removed from cart.');
  redirect('/cart');
}

async function applyChange(change: () => Promise<CartChange>, success: string): Promise<void> {
  try {
    const result = await change();
    if (result.cart) await rememberCartId(result.cart.id);
    const [firstError] = result.userErrors;
    await flash(firstError ? firstError.message : success, firstError ? 'error' : 'success');
  } catch (error) {
    if (!(error instanceof StorefrontError)) throw error;
    await flash(`${error.message} Nothing in your cart was changed; please try again.`, 'error');
  }
}

function parseQuantity(value: FormDataEntryValue | null, fallback: number | null): number | null {
  if (value === null || value === '') return fallback;
  const quantity = Number(value);
  return Number.isInteger(quantity) && quantity >= 0 && quantity <= MAX_QUANTITY ? quantity : null;
}
