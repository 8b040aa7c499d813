import type { Money } from '@/lib/storefront/types';

/** For server-rendered prices, where hydrogen-react's Money (a client component) is not needed. */
export function formatMoney(money: Money, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currencyCode }).format(Number(money.amount));
}
