import { afterAll, describe, expect, it, vi } from 'vitest';
import { PRODUCT_QUERY } from '@/lib/storefront/documents';
import type { StorefrontProduct } from '@/lib/storefront/product';
import { freshStore, PLAN30, PLAN60 } from '../local-store/fixture';

vi.mock('server-only', () => ({}));
const { planIntervalDays, subscriptionOptions } = await import('@/lib/storefront/product');

const { store } = freshStore();
afterAll(() => store.close());

async function offer(handle: string): Promise<StorefrontProduct> {
  const result = await store.execute({
    query: PRODUCT_QUERY,
    variables: { handle, country: 'US', language: 'EN' },
  });
  expect(result.errors).toBeUndefined();
  return (JSON.parse(JSON.stringify(result.data)) as { product: StorefrontProduct }).product;
}

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

describe('subscriptionOptions: the buy box’s choices, from the store’s answer to PRODUCT_QUERY', () => {
  it('one per plan, priced for the variant', async () => {
    const product = await offer('test-d3k2');
    const [sixty, hundredTwenty] = product.variants.nodes;
    expect(subscriptionOptions(product, sixty!)).toEqual([
      {
        id: PLAN30,
        name: 'Delivers every 30 days, 10% off',
        intervalDays: 30,
        percentOff: 10,
        price: usd('17.1'),
        perDelivery: usd('17.1'),
        storeUnitPrice: usd('0.29'),
      },
      {
        id: PLAN60,
        name: 'Every two months, 15% off',
        intervalDays: 60,
        percentOff: 15,
        price: usd('16.15'),
        perDelivery: usd('16.15'),
        storeUnitPrice: usd('0.27'),
      },
    ]);
    expect(subscriptionOptions(product, hundredTwenty!).map((option) => option.price)).toEqual([
      usd('28.8'),
      usd('27.2'),
    ]);
  });

  it('none for a product without plans', async () => {
    const product = await offer('test-d3');
    expect(subscriptionOptions(product, product.variants.nodes[0]!)).toEqual([]);
  });

  it('leaves out what it cannot state honestly: no price for the variant, a fixed-amount plan, a one-off plan, no interval', async () => {
    const product = await offer('test-d3k2');
    const variant = product.variants.nodes[0]!;
    const plan = product.sellingPlanGroups.nodes[0]!.sellingPlans.nodes[0]!;
    const withPlan = (changes: Partial<typeof plan>): StorefrontProduct => ({
      ...product,
      sellingPlanGroups: {
        nodes: [{ name: 'Subscribe & save', sellingPlans: { nodes: [{ ...plan, ...changes }] } }],
      },
    });
    expect(
      subscriptionOptions(withPlan({}), { ...variant, sellingPlanAllocations: { nodes: [] } }),
    ).toEqual([]);
    expect(
      subscriptionOptions(
        withPlan({
          priceAdjustments: [
            { adjustmentValue: { __typename: 'SellingPlanFixedAmountPriceAdjustment' } },
          ],
        }),
        variant,
      ),
    ).toEqual([]);
    expect(subscriptionOptions(withPlan({ recurringDeliveries: false }), variant)).toEqual([]);
    expect(
      subscriptionOptions(
        withPlan({ options: [{ name: 'Delivery', value: 'Whenever' }] }),
        variant,
      ),
    ).toEqual([]);
    expect(subscriptionOptions(withPlan({}), variant)).toHaveLength(1);
  });
});

describe('planIntervalDays reads the interval from the plan options Shopify subscription apps write', () => {
  it.each([
    ['30 days', 30],
    ['1 day', 1],
    ['Every 2 weeks', 14],
    ['1 week', 7],
    ['Weekly', 7],
    ['2 months', 60],
    ['month', 30],
    ['Monthly', 30],
  ])('%s → %i days', (value, days) => {
    expect(planIntervalDays([{ name: 'Delivery every', value }])).toBe(days);
  });

  it('undefined when no option states one', () => {
    expect(
      planIntervalDays([
        { name: 'Size', value: 'Large' },
        { name: null, value: null },
      ]),
    ).toBeUndefined();
    expect(planIntervalDays([])).toBeUndefined();
  });
});
