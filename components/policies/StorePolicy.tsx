import { businessDaysToArrival } from '@/lib/commerce/delivery';
import {
  businessDaysLabel,
  clockTimeLabel,
  countriesLabel,
  longDateLabel,
  returnSentences,
  shippingCostSentence,
  timeZoneLabel,
  type FormatAmount,
} from '@/lib/commerce/policy-text';
import type { DayRange, StorePolicies } from '@/lib/content';

const days = (range: DayRange) =>
  `${range.min === range.max ? range.min : `${range.min}–${range.max}`} business ${range.max === 1 ? 'day' : 'days'}`;

const sectionClass = 'mt-10 border-t border-line pt-8';
const headingClass = 'font-serif text-2xl font-semibold';
const textClass = 'mt-3 max-w-prose leading-relaxed text-ink-muted';

/**
 * The full shipping, returns and subscription policy, every sentence made from content/policies.yaml,
 * so the page cannot say one thing while the buy box and the structured data say another.
 */
export function StorePolicy({
  policies,
  money,
  upcomingHolidays,
}: {
  policies: StorePolicies;
  money: FormatAmount;
  /** The holidays from today on (the page is rebuilt daily). */
  upcomingHolidays: string[];
}) {
  const { shipping, returns, subscriptions } = policies;
  const zone = timeZoneLabel(shipping.timeZone);
  return (
    <>
      <section aria-labelledby="shipping" className={sectionClass}>
        <h2 id="shipping" className={headingClass}>
          Shipping
        </h2>
        <p className={textClass}>{shippingCostSentence(shipping, money)}</p>
        <p className={textClass}>We ship to {countriesLabel(shipping.countries)}.</p>
        <p className={textClass}>
          An order placed before {clockTimeLabel(shipping.cutoff)} {zone} on a business day counts
          as received that day; a later one counts from the next business day. It leaves our
          warehouse{' '}
          {shipping.handlingDays.max === 0
            ? 'the same day'
            : `within ${days(shipping.handlingDays)}`}{' '}
          and the carrier delivers it {days(shipping.transitDays)} later:{' '}
          {days(businessDaysToArrival(shipping))} in all.
        </p>
        <p className={textClass}>
          Business days are {businessDaysLabel(shipping.businessDays)}
          {upcomingHolidays.length > 0 ? ', except these holidays:' : '.'}
        </p>
        {upcomingHolidays.length > 0 && (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-ink-muted" aria-label="Holidays">
            {upcomingHolidays.map((date) => (
              <li key={date}>
                <time dateTime={date}>{longDateLabel(date)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="returns" className={sectionClass}>
        <h2 id="returns" className={headingClass}>
          Returns and refunds
        </h2>
        {returnSentences(returns).map((sentence) => (
          <p key={sentence} className={textClass}>
            {sentence}
          </p>
        ))}
        {returns.howTo && <p className={textClass}>{returns.howTo}</p>}
      </section>

      <section aria-labelledby="subscriptions" className={sectionClass}>
        <h2 id="subscriptions" className={headingClass}>
          Subscribe &amp; save
        </h2>
        <p className={textClass}>
          A subscription delivers at the interval you choose on the product page, at the
          subscription price shown there, with shipping as above.
        </p>
        <p className={textClass}>{subscriptions.charged}</p>
        <p className={textClass}>{subscriptions.renewal}</p>
        <p className={textClass}>{subscriptions.cancel}</p>
      </section>
    </>
  );
}
