import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { notFound } from 'next/navigation';
import { BuyBox, type SizeChoice, type SubscriptionChoice } from '@/components/cart/BuyBox';
import { formatMoney } from '@/components/cart/format-money';
import { OfferUnavailable } from '@/components/product/OfferUnavailable';
import { ProductPage } from '@/components/product/ProductPage';
import { SupplementFactsPanel } from '@/components/product/SupplementFactsPanel';
import { JsonLd } from '@/components/seo/JsonLd';
import { getContent, getProduct } from '@/lib/content';
import { productPageJsonLd } from '@/lib/seo/structured-data';
import { siteUrl } from '@/lib/site-url';
import { getProductOffer, sizeOf, subscriptionOptions, variantForSize } from '@/lib/storefront';
import type { Metadata } from 'next';

export const SAFETY_NOTE = 'Taking a blood thinner such as warfarin? Talk to your doctor first.';

/** Every size of every product, for static generation of `?size=` pages. */
export function productSizeParams() {
  return getContent().products.flatMap((product) =>
    product.variants.map((variant) => ({ handle: product.handle, size: String(variant.size) })),
  );
}

/** Every plan interval of every product (from the store: in Shopify mode plans live there). */
export async function productPlanParams() {
  const params = await Promise.all(
    getContent().products.map(async (product) => {
      const offer = await getProductOffer(product.handle);
      const variant = offer.ok ? variantForSize(offer.product, undefined) : null;
      return offer.ok && variant
        ? subscriptionOptions(offer.product, variant).map((plan) => ({
            handle: product.handle,
            plan: String(plan.intervalDays),
          }))
        : [];
    }),
  );
  return params.flat();
}

/** Every size of every product on every plan interval, for static generation of `?size=&plan=` pages. */
export async function productSizePlanParams() {
  const plans = await productPlanParams();
  return productSizeParams().flatMap(({ handle, size }) =>
    plans.filter((plan) => plan.handle === handle).map(({ plan }) => ({ handle, size, plan })),
  );
}

export function productUrl(handle: string): string {
  return `${siteUrl()}/products/${handle}`;
}

/** Every size shares the canonical URL of the product, so search engines index one page. */
export async function productMetadata(handle: string): Promise<Metadata> {
  const product = getProduct(handle);
  if (!product) return {};
  const url = productUrl(handle);
  return {
    title: product.name,
    description: product.description,
    alternates: { canonical: url },
    robots: { index: true, follow: true },
    openGraph: {
      type: 'website',
      url,
      title: product.name,
      description: product.description,
      siteName: getContent().site.storeName,
    },
    twitter: { card: 'summary_large_image', title: product.name, description: product.description },
  };
}

/**
 * The product page for one size, one-time or on a subscription plan: content from content/, price,
 * stock and plans from the storefront.
 */
export async function ProductView({
  handle,
  size,
  planIntervalDays,
}: {
  handle: string;
  size?: number;
  planIntervalDays?: number;
}) {
  const product = getProduct(handle);
  if (!product) notFound();
  const offer = await getProductOffer(handle);
  if (!offer.ok && offer.storeFailed && process.env.NEXT_PHASE !== PHASE_PRODUCTION_BUILD) {
    // A failed background revalidation keeps serving the last good page (with the last known prices)
    // instead of replacing it with "unavailable"; only a build without any store data shows that.
    throw new Error(
      `Storefront unavailable while revalidating /products/${handle}: ${offer.message}`,
    );
  }
  const selected = offer.ok ? variantForSize(offer.product, size) : null;
  const selectedSize = selected ? sizeOf(selected.title) : (size ?? product.variants[0]?.size);
  const image =
    product.variants.find((variant) => variant.size === selectedSize)?.image ?? product.image;

  const oneTimeHref = `/products/${handle}?size=${selectedSize}`;
  const subscriptions: SubscriptionChoice[] =
    offer.ok && selected
      ? subscriptionOptions(offer.product, selected).map((plan) => ({
          ...plan,
          priceLabel: formatMoney(plan.price),
          href: `${oneTimeHref}&plan=${plan.intervalDays}`,
        }))
      : [];
  const selectedPlan =
    planIntervalDays === undefined
      ? null
      : (subscriptions.find((plan) => plan.intervalDays === planIntervalDays) ?? null);
  // A plan this product does not sell is not a page (a link may be stale, or made up).
  if (planIntervalDays !== undefined && offer.ok && !selectedPlan) notFound();

  const sizes: SizeChoice[] = offer.ok
    ? offer.product.variants.nodes.map((variant) => ({
        size: sizeOf(variant.title) ?? 0,
        label: variant.title,
        // A subscriber who changes size stays on the same plan.
        href: `/products/${handle}?size=${sizeOf(variant.title)}${selectedPlan ? `&plan=${selectedPlan.intervalDays}` : ''}`,
        available: variant.availableForSale,
      }))
    : [];

  const structuredData = {
    site: getContent().site,
    product,
    offer: offer.ok ? offer.product : null,
    pageUrl: productUrl(handle),
    siteUrl: siteUrl(),
  };
  return (
    <>
      {productPageJsonLd(structuredData).map((data) => (
        <JsonLd key={String(data['@type'])} data={data} />
      ))}
      <ProductPage
        product={product}
        image={image}
        buyBox={
          offer.ok && selected ? (
            <BuyBox
              productTitle={offer.product.title}
              productHandle={handle}
              selected={selected}
              priceLabel={formatMoney(selected.price)}
              compareAtPriceLabel={
                selected.compareAtPrice ? formatMoney(selected.compareAtPrice) : null
              }
              sizes={sizes}
              subscriptions={subscriptions}
              selectedPlan={selectedPlan}
              oneTimeHref={oneTimeHref}
              safetyNote={SAFETY_NOTE}
            />
          ) : (
            <OfferUnavailable
              message={offer.ok ? 'This product is not for sale right now.' : offer.message}
              safetyNote={SAFETY_NOTE}
            />
          )
        }
        facts={
          product.supplementFacts ? (
            <SupplementFactsPanel facts={product.supplementFacts} servings={selectedSize ?? null} />
          ) : null
        }
      />
    </>
  );
}
