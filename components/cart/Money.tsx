'use client';

import { Money as HydrogenMoney } from '@shopify/hydrogen-react';
import type { Money as MoneyData } from '@/lib/storefront/types';

/** hydrogen-react's Money reads the shop's locale from context, so it renders inside a client boundary. */
export function Money({ data, className, as = 'span' }: { data: MoneyData; className?: string; as?: 'span' | 'p' | 'div' | 'dd' }) {
  return <HydrogenMoney data={data as Parameters<typeof HydrogenMoney>[0]['data']} as={as} className={className} />;
}

export function multiply(money: MoneyData, quantity: number): MoneyData {
  const cents = Math.round(Number(money.amount) * 100) * quantity;
  return { amount: (cents / 100).toFixed(2), currencyCode: money.currencyCode };
}
