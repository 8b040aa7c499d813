import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { notFound } from 'next/navigation';
import { ProductAnalyticsData } from '@/components/analytics/ProductAnalyticsData';
import {
  BuyBox,
  type BuyBoxPromises,
  type SizeChoice,
  type SubscriptionChoice,
} from '@/components/cart/BuyBox';
import { formatMoney } from '@/components/cart/format-money';
import { OfferUnavailable } from '@/components/product/OfferUnavailable';
import { ProductPage } from '@/components/product/ProductPage';
import { SafetyNote } from '@/components/product/SafetyNote';
import { SupplementFactsPanel } from '@/components/product/SupplementFactsPanel';
import { JsonLd } from '@/components/seo/JsonLd';
import { deliveryFallbackLines } from '@/lib/commerce/delivery-text';
import {
  returnPromise,
  shippingSummary,
  subscriptionTermsSentences,
} from '@/lib/commerce/policy-text';
import { storePricePerUnit, unitName, unitPrice, unitsPerServing } from '@/lib/commerce/unit-price';
import { getContent, getProduct, type Product, type StorePolicies } from '@/lib/content';
import { choiceSegments, productHref, type ProductChoice } from '@/lib/product-choice';
import { POLICY_PAGE_PATH } from '@/lib/seo/store-policies';
import { productPageJsonLd } from '@/lib/seo/structured-data';
import { siteUrl } from '@/lib/site-url';
import {
  getProductOffer,
  sizeOf,
  subscriptionOptions,
  variantForSize,
  type Money,
  type ProductOfferResult,
  type StorefrontVariant,
  type SubscriptionOption,
} from '@/lib/storefront';
import type { Metadata } from 'next';

/**
 * Every page of every product: its own, each size, each plan (on the default size) and each size on
 * each plan, as the buy box links to them.
 */
export async function productChoiceParams(): Promise<Array<{ handle: string; choice: string[] }>> {
  const params = await Promise.all(
    getContent().products.map(async (product) =>
      choicesOf(product, await getProductOffer(product.handle)).map((choice) => ({
        handle: product.handle,
        choice: choiceSegments(choice),
      })),
    ),
  );
  return params.flat();
}

/**
 * Sizes and plans are the store's (in Shopify mode they live there). A build without an answer from
 * the store still gives content's sizes their pages, which then say buying is unavailable.
 */
function choicesOf(product: Product, offer: ProductOfferResult): ProductChoice[] {
  if (!offer.ok) return [{}, ...product.variants.map((variant) => ({ size: variant.size }))];
  const sizes = [
    ...new Set(offer.product.variants.nodes.flatMap((variant) => sizeOf(variant.title) ?? [])),
  ];
  const plansAt = (size: number | undefined) => {
    const variant = variantForSize(offer.product, size);
    return variant
      ? subscriptionOptions(offer.product, variant).map((plan) => plan.intervalDays)
      : [];
  };
  return [
    {},
    ...sizes.map((size) => ({ size })),
    ...plansAt(undefined).map((planIntervalDays) => ({ planIntervalDays })),
    ...sizes.flatMap((size) =>
      plansAt(size).map((planIntervalDays) => ({ size, planIntervalDays })),
    ),
  ];
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

  const { policies } = getContent();
  const perUnit = unitLabeller(product);
  const oneTimeHref = productHref(handle, { size: selectedSize });
  const planOptions = offer.ok && selected ? subscriptionOptions(offer.product, selected) : [];
  const subscriptions: SubscriptionChoice[] = selected
    ? planOptions.map((plan) => ({
        ...plan,
        priceLabel: formatMoney(plan.price),
        href: productHref(handle, { size: selectedSize, planIntervalDays: plan.intervalDays }),
        unitPrice: perUnit(pricedAs(selected, plan), selectedSize),
        terms: subscriptionTermsSentences({
          perDelivery: plan.perDelivery.amount,
          intervalDays: plan.intervalDays,
          shipping: policies.shipping,
          terms: policies.subscriptions,
          money: (amount) => formatMoney({ amount, currencyCode: plan.price.currencyCode }),
        }),
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
        href: productHref(handle, {
          size: sizeOf(variant.title),
          planIntervalDays: selectedPlan?.intervalDays,
        }),
        available: variant.availableForSale,
        // At the price this size has on the option shown: the plan's when one is picked.
        unitPrice: perUnit(
          pricedAs(
            variant,
            selectedPlan &&
              subscriptionOptions(offer.product, variant).find(
                (plan) => plan.intervalDays === selectedPlan.intervalDays,
              ),
          ),
          sizeOf(variant.title),
        ),
      }))
    : [];

  const safetyNote = product.safetyNote ? <SafetyNote note={product.safetyNote} /> : null;
  const structuredData = {
    site: getContent().site,
    product,
    offer: offer.ok ? offer.product : null,
    pageUrl: productUrl(handle),
    siteUrl: siteUrl(),
    policies: getContent().policies,
  };
  return (
    <>
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
              safetyNote={safetyNote}
              promises={buyBoxPromises(
                policies,
                selectedPlan?.price ?? selected.price,
                perUnit(
                  pricedAs(
                    selected,
                    planOptions.find((plan) => plan.id === selectedPlan?.id),
                  ),
                  selectedSize,
                  'long',
                ),
              )}
              oneTimeUnitPrice={perUnit(pricedAs(selected), selectedSize)}
            />
          ) : (
            <OfferUnavailable
              message={offer.ok ? 'This product is not for sale right now.' : offer.message}
              safetyNote={safetyNote}
            />
          )
        }
        facts={
          product.supplementFacts ? (
            <SupplementFactsPanel facts={product.supplementFacts} servings={selectedSize ?? null} />
          ) : null
        }
      />
      {/* After the content: crawlers read it anywhere, and the first paint does not wait for it. */}
      {productPageJsonLd(structuredData).map((data) => (
        <JsonLd key={String(data['@type'])} data={data} />
      ))}
      {offer.ok && selected && (
        <ProductAnalyticsData
          product={{
            handle,
            productId: offer.product.id,
            variantId: selected.id,
            title: offer.product.title,
            variantTitle: selected.title,
            vendor: offer.product.vendor,
            price: (selectedPlan?.price ?? selected.price).amount,
            currency: selected.price.currencyCode,
            sku: selected.sku ?? null,
          }}
        />
      )}
    </>
  );
}

/** A price to share out per softgel, with the store's own unit price when it states one. */
interface Priced {
  price: Money;
  storePerUnit: string | null;
}

/** The variant bought once, or on a plan: the plan's price, measured as the variant is. */
function pricedAs(variant: StorefrontVariant, plan?: SubscriptionOption | null): Priced {
  return {
    price: plan ? plan.price : variant.price,
    storePerUnit: storePricePerUnit({
      unitPrice: plan ? plan.storeUnitPrice : (variant.unitPrice ?? null),
      unitPriceMeasurement: variant.unitPriceMeasurement ?? null,
    }),
  };
}

/**
 * "$0.32 per softgel" (or, long, with "· $0.32 a day") for a price and a pack size: Shopify's unit
 * price when the variant is measured by count, else the pack price over the serving size in
 * Supplement Facts; null for a product without them.
 */
function unitLabeller(product: Product) {
  const servingSize = product.supplementFacts?.servingSize;
  const perServing = servingSize ? unitsPerServing(servingSize) : null;
  return (
    { price, storePerUnit }: Priced,
    size: number | undefined,
    form: 'short' | 'long' = 'short',
  ) => {
    if (!servingSize || !perServing || !size) return null;
    const unit = unitPrice(price.amount, size, perServing, storePerUnit);
    if (!unit) return null;
    const money = (amount: string) => formatMoney({ amount, currencyCode: price.currencyCode });
    const each = `${money(unit.perUnit)} per ${unitName(servingSize)}`;
    return form === 'short' ? each : `${each} · ${money(unit.perDay)} a day`;
  };
}

/** Shipping, delivery and returns at the buy box, written from content/policies.yaml. */
function buyBoxPromises(
  policies: StorePolicies,
  price: Money,
  unitPriceLabel: string | null,
): BuyBoxPromises {
  const money = (amount: string) => formatMoney({ amount, currencyCode: price.currencyCode });
  const { shipping, returns } = policies;
  return {
    unitPrice: unitPriceLabel,
    shipping: {
      policy: { rate: shipping.rate, freeOver: shipping.freeOver },
      fallback: shippingSummary(shipping, money),
    },
    delivery: {
      calendar: {
        timeZone: shipping.timeZone,
        cutoff: shipping.cutoff,
        businessDays: shipping.businessDays,
        holidays: shipping.holidays,
        handlingDays: shipping.handlingDays,
        transitDays: shipping.transitDays,
      },
      fallback: deliveryFallbackLines(shipping),
    },
    returns: { text: returnPromise(returns), href: `${POLICY_PAGE_PATH}#returns` },
  };
}
