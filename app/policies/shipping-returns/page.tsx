import { formatMoney } from '@/components/cart/format-money';
import { StorePolicy } from '@/components/policies/StorePolicy';
import { JsonLd } from '@/components/seo/JsonLd';
import { localDate } from '@/lib/commerce/calendar';
import { getContent } from '@/lib/content';
import { POLICY_PAGE_PATH, storeJsonLd } from '@/lib/seo/store-policies';
import { siteUrl } from '@/lib/site-url';
import type { Metadata } from 'next';

/** Rebuilt once a day: holidays that have passed drop off the list. */
export const revalidate = 86400;

export function generateMetadata(): Metadata {
  const { site } = getContent();
  const description = `How ${site.storeName} ships, what it costs, when orders arrive, how returns and refunds work, and the terms of subscribe & save.`;
  return {
    title: 'Shipping, returns and subscriptions',
    description,
    alternates: { canonical: `${siteUrl()}${POLICY_PAGE_PATH}` },
    robots: { index: true, follow: true },
  };
}

export default function ShippingReturnsPage() {
  const { site, policies } = getContent();
  const today = localDate(new Date(), policies.shipping.timeZone);
  return (
    <div className="mx-auto max-w-2xl px-gutter py-10">
      <JsonLd data={storeJsonLd({ site, policies, siteUrl: siteUrl() })} />
      <h1 className="font-serif text-3xl font-bold">Shipping, returns and subscriptions</h1>
      <p className="mt-3 text-ink-muted">
        Everything {site.storeName} promises about an order, in one place.
      </p>
      <StorePolicy
        policies={policies}
        money={(amount) => formatMoney({ amount, currencyCode: site.currency })}
        upcomingHolidays={policies.shipping.holidays.filter((date) => date >= today)}
      />
    </div>
  );
}
