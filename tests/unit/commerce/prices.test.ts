import { describe, expect, it } from 'vitest';
import { quoteShipping } from '@/lib/commerce/shipping';
import { storePricePerUnit, unitPrice, unitsPerServing } from '@/lib/commerce/unit-price';

const POLICY = { rate: '4.95', freeOver: '35.00' };

describe('shipping for an order', () => {
  it('below the threshold: the flat rate, and what is left to ship free', () => {
    expect(quoteShipping(POLICY, 1900)).toEqual({
      costCents: 495,
      toFreeCents: 1600,
      freeOverCents: 3500,
      progress: 1900 / 3500,
    });
  });

  it('at the threshold and above it ships free', () => {
    for (const cents of [3500, 6400]) {
      expect(quoteShipping(POLICY, cents)).toMatchObject({
        costCents: 0,
        toFreeCents: null,
        progress: 1,
      });
    }
    expect(quoteShipping(POLICY, 3499)).toMatchObject({ costCents: 495, toFreeCents: 1 });
  });

  it('a rate of 0 is free on every order; no threshold means never free', () => {
    expect(quoteShipping({ rate: '0.00', freeOver: null }, 100)).toMatchObject({
      costCents: 0,
      toFreeCents: null,
    });
    expect(quoteShipping({ rate: '4.95', freeOver: null }, 100_000)).toMatchObject({
      costCents: 495,
      toFreeCents: null,
      freeOverCents: null,
    });
  });
});

describe('unit price', () => {
  it('per softgel and per day for each size, so 60 and 120 compare at a glance', () => {
    expect(unitPrice('19.00', 60, 1)).toEqual({ perUnit: '0.32', perDay: '0.32', daysSupply: 60 });
    expect(unitPrice('32.00', 120, 1)).toEqual({
      perUnit: '0.27',
      perDay: '0.27',
      daysSupply: 120,
    });
  });

  it('rounds half a cent up: 1,710 cents over 60 softgels is 28.5 cents, shown as $0.29', () => {
    expect(unitPrice('17.10', 60, 1)?.perUnit).toBe('0.29');
    expect(unitPrice('17.10', 61, 1)?.perUnit).toBe('0.28');
  });

  it('a serving of two softgels costs two softgels a day and lasts half as long', () => {
    expect(unitPrice('19.00', 60, 2)).toEqual({ perUnit: '0.32', perDay: '0.63', daysSupply: 30 });
  });

  it('reads the serving size from Supplement Facts', () => {
    expect(unitsPerServing('1 softgel')).toBe(1);
    expect(unitsPerServing('2 Softgels')).toBe(2);
    expect(unitsPerServing('one softgel')).toBeNull();
    expect(unitsPerServing('0 softgels')).toBeNull();
    expect(unitPrice('19.00', 0, 1)).toBeNull();
  });

  it("the store's own price per softgel wins over the pack price shared out", () => {
    expect(unitPrice('19.00', 60, 1, '0.30')).toEqual({
      perUnit: '0.30',
      perDay: '0.30',
      daysSupply: 60,
    });
    expect(unitPrice('19.00', 60, 2, '0.30')).toEqual({
      perUnit: '0.30',
      perDay: '0.60',
      daysSupply: 30,
    });
  });

  it("Shopify's unit price is used when the variant is measured by count", () => {
    const measured = (referenceValue: number, referenceUnit = 'ITEM', measuredType = 'COUNT') => ({
      unitPrice: { amount: '3.17' },
      unitPriceMeasurement: { measuredType, referenceUnit, referenceValue },
    });
    expect(storePricePerUnit(measured(10))).toBe('0.32');
    expect(storePricePerUnit(measured(1))).toBe('3.17');
    expect(storePricePerUnit(measured(1, 'G', 'WEIGHT'))).toBeNull();
    expect(storePricePerUnit({ unitPrice: null, unitPriceMeasurement: null })).toBeNull();
  });
});
