import type { Money } from '@/lib/storefront/cart-view';

/** A Storefront API price, or a local order's, whose currency the local store keeps as plain text. */
type FormattableMoney = Omit<Money, 'currencyCode'> & { currencyCode: string };

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A price as the shopper reads it ("$24.99"). Server components format their prices before they reach
 * the browser: there, the first Intl.NumberFormat of a page loads the currency data on the main
 * thread. The cart's client components format what changes in the browser, once per currency.
 */
export function formatMoney(money: FormattableMoney, locale = 'en-US'): string {
  const key = `${locale} ${money.currencyCode}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currencyCode });
    formatters.set(key, formatter);
  }
  return formatter.format(Number(money.amount));
}
