import { readCartId, readFlash } from '@/components/cart/cart-cookie';
import { cartPolicy } from '@/components/cart/cart-policy';
import { CartPageContents } from '@/components/cart/CartPageContents';
import { getContent } from '@/lib/content';
import { clientAddress } from '@/lib/security/client-address';
import { getCart, StorefrontError, toCartView, type CartView } from '@/lib/storefront';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Your cart', robots: { index: false, follow: true } };

const NO_REFUSALS: never[] = [];

/** Server-rendered from the cart cookie, so it works without JavaScript and survives reloads. */
export default async function CartPage() {
  const cartId = await readCartId();
  const flash = await readFlash();
  let cart: CartView | null = null;
  let problem: string | null = null;
  if (cartId) {
    try {
      const found = await getCart(cartId, { buyerIp: await clientAddress() });
      cart = found ? toCartView(found) : null;
    } catch (error) {
      if (!(error instanceof StorefrontError)) throw error;
      console.error(`[cart] ${error.kind}: ${error.message}`, error.details ?? '');
      problem = `${error.message} Your cart is safe; please try again in a moment.`;
    }
  }
  return (
    <div className="mx-auto max-w-2xl px-gutter py-10">
      <h1 className="font-serif text-3xl font-bold">Your cart</h1>
      {flash && !flash.lineId && (
        <p
          role={flash.tone === 'error' ? 'alert' : 'status'}
          className={`mt-4 rounded-lg p-3 text-sm ${flash.tone === 'error' ? 'bg-danger-soft text-danger' : 'bg-brand-soft text-brand-strong'}`}
        >
          {flash.message}
        </p>
      )}
      {problem ? (
        <div role="alert" className="mt-4 rounded-lg bg-danger-soft p-3 text-sm text-danger">
          <p>{problem}</p>
          <a href="/cart" className="mt-1 inline-block font-semibold underline">
            Try again
          </a>
        </div>
      ) : (
        <CartPageContents
          initialCart={cart}
          initialRefusals={
            flash?.lineId ? [{ lineId: flash.lineId, message: flash.message }] : NO_REFUSALS
          }
          policy={cartPolicy(getContent().policies)}
        />
      )}
    </div>
  );
}
