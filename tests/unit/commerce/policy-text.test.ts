import { describe, expect, it } from 'vitest';
import {
  businessDaysLabel,
  returnPromise,
  shippingSummary,
  subscriptionTermsSentences,
} from '@/lib/commerce/policy-text';
import { unitName } from '@/lib/commerce/unit-price';
import type { ShippingPolicy, SubscriptionTerms } from '@/lib/content/policy-types';

const SHIPPING: ShippingPolicy = {
  countries: ['US'],
  rate: '4.95',
  freeOver: '35.00',
  timeZone: 'America/New_York',
  cutoff: '14:00',
  businessDays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  holidays: [],
  handlingDays: { min: 1, max: 2 },
  transitDays: { min: 2, max: 4 },
};
const TERMS: SubscriptionTerms = {
  charged: 'You pay when you order and when each later delivery ships.',
  renewal: 'It renews until you cancel.',
  cancel: 'Cancel any time from your order email.',
};
const money = (amount: string) => `$${Number(amount).toFixed(2)}`;

describe('subscription terms beside the subscribe choice', () => {
  it('say what is charged and how often, with shipping, the next charge, renewal and how to cancel', () => {
    expect(
      subscriptionTermsSentences({
        perDelivery: '17.10',
        intervalDays: 30,
        shipping: SHIPPING,
        terms: TERMS,
        money,
      }),
    ).toEqual([
      '$17.10 per delivery, delivered every 30 days, plus $4.95 shipping (free on orders of $35.00 or more).',
      TERMS.charged,
      'The next charge is 30 days after this order, when the next delivery ships.',
      TERMS.renewal,
      TERMS.cancel,
    ]);
  });

  it('a delivery over the threshold ships free, and says so', () => {
    expect(
      subscriptionTermsSentences({
        perDelivery: '36.00',
        intervalDays: 60,
        shipping: SHIPPING,
        terms: TERMS,
        money,
      })[0],
    ).toBe('$36.00 per delivery, delivered every 60 days, with free shipping.');
  });
});

describe('the buy box lines', () => {
  it('shipping before the cart is known', () => {
    expect(shippingSummary(SHIPPING, money)).toBe(
      'Free shipping on orders of $35.00 or more; $4.95 below that',
    );
    expect(shippingSummary({ ...SHIPPING, rate: '0.00' }, money)).toBe(
      'Free shipping on every order',
    );
    expect(shippingSummary({ ...SHIPPING, freeOver: null }, money)).toBe(
      'Shipping $4.95 per order',
    );
  });

  it('the return promise', () => {
    expect(
      returnPromise({
        days: 30,
        returnShipping: 'free',
        openedBottles: true,
        returnTo: 'US',
        howTo: null,
      }),
    ).toBe('30-day returns, opened bottles too; return shipping is free');
    expect(
      returnPromise({
        days: 14,
        returnShipping: 'customer',
        openedBottles: false,
        returnTo: 'US',
        howTo: null,
      }),
    ).toBe('14-day returns, unopened bottles; return shipping is paid by you');
  });

  it('names business days and units the way a shopper reads them', () => {
    expect(businessDaysLabel(['Friday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday'])).toBe(
      'Monday to Friday',
    );
    expect(businessDaysLabel(['Monday', 'Wednesday', 'Friday'])).toBe(
      'Monday, Wednesday and Friday',
    );
    expect(unitName('1 softgel')).toBe('softgel');
    expect(unitName('2 capsules')).toBe('capsule');
  });
});
