'use client';

import { useActionState, type ComponentProps } from 'react';
import { useCart } from './CartProvider';
import { useHydrated } from './useHydrated';
import type { CartAction } from './actions';
import type { CartEdit } from './optimistic-cart';

interface CartFormProps extends Omit<ComponentProps<'form'>, 'action' | 'onSubmit'> {
  action: CartAction;
  /** The page a post before hydration goes to (the one the form is on), where the action runs. */
  permalink?: string;
  /**
   * The cart as it will look once the store accepts. Without it the store's answer shows: plan
   * prices and discounts are the store's to compute.
   */
  edit?: (formData: FormData) => CartEdit;
  /** Called as the shopper submits, once the page has hydrated. */
  onSubmit?: () => void;
}

/**
 * A form that changes the cart. Until the page has hydrated it is a plain post to the Server
 * Action, so it works without JavaScript; after, the cart shows the change at once, then the
 * store's answer.
 */
export function CartForm({ action, permalink = '/cart', edit, onSubmit, ...form }: CartFormProps) {
  const hydrated = useHydrated();
  const { submit } = useCart();
  // Only its form action is used: a post to `permalink` that needs no JavaScript (see CartAction).
  const [, post] = useActionState(action, null, permalink);
  const withScript = (formData: FormData) => submit(action, formData, edit?.(formData));
  return <form {...form} {...(hydrated ? { action: withScript, onSubmit } : { action: post })} />;
}
