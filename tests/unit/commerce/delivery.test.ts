import { describe, expect, it } from 'vitest';
import { instantAt, localDate, offsetMs } from '@/lib/commerce/calendar';
import { estimateDelivery } from '@/lib/commerce/delivery';
import {
  dayRangeLabel,
  deliveryFallback,
  deliveryPromise,
  timeLeftLabel,
} from '@/lib/commerce/delivery-text';
import type { DeliveryCalendar } from '@/lib/content/policy-types';

/** The shipped policy's calendar (content/policies.yaml), written out so a content edit cannot move these dates. */
const STORE: DeliveryCalendar = {
  timeZone: 'America/New_York',
  cutoff: '14:00',
  businessDays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  holidays: ['2026-12-25', '2027-01-01'],
  handlingDays: { min: 1, max: 2 },
  transitDays: { min: 2, max: 4 },
};

const at = (iso: string) => new Date(iso);
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('the delivery estimate', () => {
  it('an order before the cut-off on a business day counts that day: Wed 10:00 EST arrives Mon Dec 7 – Thu Dec 10', () => {
    expect(estimateDelivery(STORE, at('2026-12-02T15:00:00Z'))).toEqual({
      orderBy: at('2026-12-02T19:00:00Z'),
      receivedOn: '2026-12-02',
      ships: { earliest: '2026-12-03', latest: '2026-12-04' },
      arrives: { earliest: '2026-12-07', latest: '2026-12-10' },
    });
  });

  it('at the cut-off itself the order counts from the next business day', () => {
    const estimate = estimateDelivery(STORE, at('2026-12-02T19:00:00Z'));
    expect(estimate.receivedOn).toBe('2026-12-03');
    expect(estimate.orderBy).toEqual(at('2026-12-03T19:00:00Z'));
    expect(estimate.arrives).toEqual({ earliest: '2026-12-08', latest: '2026-12-11' });
    // One second earlier it still counts the same day.
    expect(estimateDelivery(STORE, at('2026-12-02T18:59:59Z')).receivedOn).toBe('2026-12-02');
  });

  it('the weekend is skipped: Friday after the cut-off and all of Saturday count from Monday', () => {
    for (const now of ['2026-12-04T20:00:00Z', '2026-12-05T15:00:00Z', '2026-12-06T23:00:00Z']) {
      expect(estimateDelivery(STORE, at(now))).toEqual({
        orderBy: at('2026-12-07T19:00:00Z'),
        receivedOn: '2026-12-07',
        ships: { earliest: '2026-12-08', latest: '2026-12-09' },
        // Wed 9 + 4 business days: Thu 10, Fri 11, Mon 14, Tue 15.
        arrives: { earliest: '2026-12-10', latest: '2026-12-15' },
      });
    }
  });

  it('holidays are skipped in handling and in transit: Christmas Eve morning arrives Dec 30 – Jan 5', () => {
    expect(estimateDelivery(STORE, at('2026-12-24T15:00:00Z'))).toEqual({
      orderBy: at('2026-12-24T19:00:00Z'),
      receivedOn: '2026-12-24',
      // Fri 25 is a holiday: the first business day after Thu 24 is Mon 28.
      ships: { earliest: '2026-12-28', latest: '2026-12-29' },
      // Tue 29 + 4: Wed 30, Thu 31, (Fri Jan 1 holiday) Mon 4, Tue 5.
      arrives: { earliest: '2026-12-30', latest: '2027-01-05' },
    });
  });

  it('an order placed on a holiday counts from the next business day', () => {
    expect(estimateDelivery(STORE, at('2026-12-25T15:00:00Z')).receivedOn).toBe('2026-12-28');
  });

  it('the store time zone decides the day: the same instant is after the cut-off in New York and before it in Los Angeles', () => {
    const now = at('2026-12-02T21:30:00Z'); // 4:30 pm in New York, 1:30 pm in Los Angeles
    expect(estimateDelivery(STORE, now).receivedOn).toBe('2026-12-03');
    const west = estimateDelivery({ ...STORE, timeZone: 'America/Los_Angeles' }, now);
    expect(west.receivedOn).toBe('2026-12-02');
    expect(west.orderBy).toEqual(at('2026-12-02T22:00:00Z'));
  });

  it('late evening in New York is already the next day in Tokyo', () => {
    const now = at('2026-12-03T04:30:00Z'); // Wed 11:30 pm in New York, Thu 1:30 pm in Tokyo
    expect(localDate(now, 'America/New_York')).toBe('2026-12-02');
    expect(localDate(now, 'Asia/Tokyo')).toBe('2026-12-03');
    const tokyo = estimateDelivery({ ...STORE, timeZone: 'Asia/Tokyo' }, now);
    expect(tokyo.receivedOn).toBe('2026-12-03');
    expect(tokyo.orderBy).toEqual(at('2026-12-03T05:00:00Z'));
  });

  describe('daylight saving time', () => {
    it('after clocks spring forward the cut-off is 14:00 EDT (18:00 UTC), not 19:00', () => {
      const promise = deliveryPromise(STORE, at('2027-03-15T17:30:00Z'));
      expect(promise.estimate.orderBy).toEqual(at('2027-03-15T18:00:00Z'));
      expect(promise.condition).toBe('if you order within 30 min');
    });

    it('after clocks fall back the cut-off is 14:00 EST (19:00 UTC) again', () => {
      const promise = deliveryPromise(STORE, at('2026-11-02T18:30:00Z'));
      expect(promise.estimate.orderBy).toEqual(at('2026-11-02T19:00:00Z'));
      expect(promise.condition).toBe('if you order within 30 min');
    });

    it('on the day the clocks change, the cut-off gets that day’s offset', () => {
      const sundays = { ...STORE, businessDays: [...STORE.businessDays, 'Sunday' as const] };
      // 2027-03-14: 2 am EST becomes 3 am EDT; 2026-11-01: 2 am EDT becomes 1 am EST.
      expect(instantAt('2027-03-14', '14:00', 'America/New_York')).toEqual(
        at('2027-03-14T18:00:00Z'),
      );
      expect(instantAt('2026-11-01', '14:00', 'America/New_York')).toEqual(
        at('2026-11-01T19:00:00Z'),
      );
      expect(estimateDelivery(sundays, at('2027-03-14T17:59:00Z')).receivedOn).toBe('2027-03-14');
      expect(estimateDelivery(sundays, at('2027-03-14T18:00:00Z')).receivedOn).toBe('2027-03-15');
      // A day that is 23 hours long still counts as one calendar day.
      expect(localDate(at('2027-03-15T03:59:00Z'), 'America/New_York')).toBe('2027-03-14');
      expect(localDate(at('2027-03-15T04:00:00Z'), 'America/New_York')).toBe('2027-03-15');
    });

    it('in the southern hemisphere the clocks go forward in October', () => {
      expect(offsetMs(Date.parse('2026-10-03T12:00:00Z'), 'Australia/Sydney')).toBe(10 * 3_600_000);
      expect(offsetMs(Date.parse('2026-10-05T12:00:00Z'), 'Australia/Sydney')).toBe(11 * 3_600_000);
      expect(instantAt('2026-10-05', '14:00', 'Australia/Sydney')).toEqual(
        at('2026-10-05T03:00:00Z'),
      );
    });
  });

  it('same-day handling ships on the day the order counts', () => {
    const sameDay = { ...STORE, handlingDays: { min: 0, max: 0 } };
    expect(estimateDelivery(sameDay, at('2026-12-02T15:00:00Z')).ships).toEqual({
      earliest: '2026-12-02',
      latest: '2026-12-02',
    });
  });

  it('a calendar with no business day at all fails loudly instead of looping', () => {
    const never = { ...STORE, businessDays: [] };
    expect(() => estimateDelivery(never, at('2026-12-02T15:00:00Z'))).toThrow(/No business day/);
  });
});

describe('what the buy box says', () => {
  it('a countdown within a day of the cut-off, the day and time of it further away', () => {
    const soon = deliveryPromise(STORE, at('2026-12-02T15:40:00Z'));
    expect(plain(soon.arrives)).toBe('Arrives Dec 7 – 10');
    expect(soon.condition).toBe('if you order within 3 h 20 min');
    const weekend = deliveryPromise(STORE, at('2026-12-05T15:00:00Z'));
    expect(plain(weekend.arrives)).toBe('Arrives Dec 10 – 15');
    expect(plain(weekend.condition)).toBe('if you order by Monday, 2:00 PM EST');
  });

  it('a range across the new year names both years; one day is one date', () => {
    expect(plain(dayRangeLabel('2026-12-30', '2027-01-05'))).toBe('Dec 30, 2026 – Jan 5, 2027');
    expect(dayRangeLabel('2026-12-08', '2026-12-08')).toBe('Dec 8');
  });

  it('time left is rounded up to the minute', () => {
    expect(timeLeftLabel(4 * 3_600_000)).toBe('4 h');
    expect(timeLeftLabel(3 * 3_600_000 + 19 * 60_000 + 1)).toBe('3 h 20 min');
    expect(timeLeftLabel(59_000)).toBe('1 min');
  });

  it('the fallback for a page rendered ahead of time is true on any day', () => {
    expect(deliveryFallback(STORE)).toBe(
      'Ships in 1–2 business days, arrives in 3–6 business days',
    );
    expect(
      deliveryFallback({
        ...STORE,
        handlingDays: { min: 1, max: 1 },
        transitDays: { min: 0, max: 0 },
      }),
    ).toBe('Ships in 1 business day, arrives in 1 business day');
    expect(deliveryFallback({ ...STORE, handlingDays: { min: 0, max: 0 } })).toBe(
      'Ships the same business day, arrives in 2–4 business days',
    );
  });
});
