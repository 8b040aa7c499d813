import 'server-only';
import { addToCart as addLine, removeCartLine, StorefrontError, updateCartLine, type CartChange } from '@/lib/storefront';
import { flash, readCartId, rememberCartId } from './cart-cookie';

const MAX_QUANTITY = 99;

/**
 * Form posts from the buy box and /cart (plain HTML forms, so they work without JavaScript). Each
 * returns where to send the shopper next; the message for that page travels in a flash cookie.
 */
export async function addToCart(formData: FormData): Promise<string> {
  const merchandiseId = String(formData.get('merchandiseId') ?? '');
  const quantity = parseQuantity(formData.get('quantity'), 1);
  if (!merchandiseId.startsWith('gid://shopify/ProductVariant/') || quantity === null || quantity < 1) {
    await flash('Choose a size and a quantity between 1 and 99, then add to cart again.', 'error');
    return '/cart';
  }
  const cartId = await readCartId();
  await applyChange(() => addLine(cartId, merchandiseId, quantity), 'Added to cart.');
  return '/cart';
}

export async function updateLine(formData: FormData): Promise<string> {
  const lineId = String(formData.get('lineId') ?? '');
  const quantity = parseQuantity(formData.get('quantity'), null);
  const cartId = await readCartId();
  if (!cartId || !lineId || quantity === null) {
    await flash('That quantity could not be read. Use a whole number between 0 and 99.', 'error');
    return '/cart';
  }
  await applyChange(() => (quantity === 0 ? removeCartLine(cartId, lineId) : updateCartLine(cartId, lineId, quantity)), 'Cart updated.');
  return '/cart';
}

export async function removeLine(formData: FormData): Promise<string> {
  const lineId = String(formData.get('lineId') ?? '');
  const cartId = await readCartId();
  if (cartId && lineId) await applyChange(() => removeCartLine(cartId, lineId), 'Removed from cart.');
  return '/cart';
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
