import type { Metadata } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { notFound } from 'next/navigation';
import { BuyBox, type SizeChoice } from '@/components/cart/BuyBox';
import { OfferUnavailable } from '@/components/product/OfferUnavailable';
import { ProductPage } from '@/components/product/ProductPage';
import { SupplementFactsPanel } from '@/components/product/SupplementFactsPanel';
import { JsonLd } from '@/components/seo/JsonLd';
import { getContent, getProduct } from '@/lib/content';
import { productPageJsonLd } from '@/lib/seo/structured-data';
import { siteUrl } from '@/lib/site-url';
import { getProductOffer, sizeOf, variantForSize } from '@/lib/storefront';

export const SAFETY_NOTE = 'Taking a blood thinner such as warfarin? Talk to your doctor first.';

/** Every size of every product, for static generation of `?size=` pages. */
export function productSizeParams() {
  return getContent().products.flatMap((product) => product.variants.map((variant) => ({ handle: product.handle, size: String(variant.size) })));
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
    openGraph: { type: 'website', url, title: product.name, description: product.description, siteName: getContent().site.storeName },
    twitter: { card: 'summary_large_image', title: product.name, description: product.description },
  };
}

/** The product page for one size: content from content/, price and stock from the storefront. */
export async function ProductView({ handle, size }: { handle: string; size?: number }) {
  const product = getProduct(handle);
  if (!product) notFound();
  const offer = await getProductOffer(handle);
  if (!offer.ok && offer.storeFailed && process.env.NEXT_PHASE !== PHASE_PRODUCTION_BUILD) {
    // A failed background revalidation keeps serving the last good page (with the last known prices)
    // instead of replacing it with "unavailable"; only a build without any store data shows that.
    throw new Error(`Storefront unavailable while revalidating /products/${handle}: ${offer.message}`);
  }
  const selected = offer.ok ? variantForSize(offer.product, size) : null;
  const selectedSize = selected ? sizeOf(selected.title) : size ?? product.variants[0]?.size;
  const image = product.variants.find((variant) => variant.size === selectedSize)?.image ?? product.image;

  const sizes: SizeChoice[] = offer.ok
    ? offer.product.variants.nodes.map((variant) => ({
        size: sizeOf(variant.title) ?? 0,
        label: variant.title,
        href: `/products/${handle}?size=${sizeOf(variant.title)}`,
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
            <BuyBox productTitle={offer.product.title} productHandle={handle} selected={selected} sizes={sizes} safetyNote={SAFETY_NOTE} />
          ) : (
            <OfferUnavailable message={offer.ok ? 'This product is not for sale right now.' : offer.message} safetyNote={SAFETY_NOTE} />
          )
        }
        facts={product.supplementFacts ? <SupplementFactsPanel facts={product.supplementFacts} servings={selectedSize ?? null} /> : null}
      />
    </>
  );
}
