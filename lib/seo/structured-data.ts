import type { Article, BreadcrumbList, ItemAvailability, Product as ProductLd, WithContext } from 'schema-dts';
import type { Product, Site } from '@/lib/content';
import type { StorefrontProduct } from '@/lib/storefront/types';

export interface StructuredDataInput {
  site: Site;
  product: Product;
  offer: StorefrontProduct | null;
  pageUrl: string;
  siteUrl: string;
}

function sizeOf(title: string): string | undefined {
  return /^(\d+)/.exec(title)?.[1];
}

/** Product with one Offer per size: the same prices and availability the buy box shows. */
export function productJsonLd({ site, product, offer, pageUrl, siteUrl }: StructuredDataInput): WithContext<ProductLd> {
  const variants = offer?.variants.nodes ?? [];
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    '@id': `${pageUrl}#product`,
    name: product.name,
    description: product.description,
    image: [`${siteUrl}${product.image.path}`],
    brand: { '@type': 'Brand', name: product.brand },
    sku: variants[0]?.sku ?? product.variants[0]?.sku,
    url: pageUrl,
    offers: variants.map((variant) => ({
      '@type': 'Offer',
      sku: variant.sku ?? undefined,
      name: `${product.name}, ${variant.title}`,
      price: variant.price.amount,
      priceCurrency: variant.price.currencyCode,
      availability: (variant.availableForSale ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock') as ItemAvailability,
      itemCondition: 'https://schema.org/NewCondition',
      url: `${pageUrl}?size=${sizeOf(variant.title) ?? ''}`,
      seller: { '@type': 'Organization', name: site.storeName },
    })),
  };
}

export function breadcrumbJsonLd({ product, pageUrl, siteUrl }: StructuredDataInput): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: 'Supplements', item: `${siteUrl}/` },
      { '@type': 'ListItem', position: 2, name: product.name, item: pageUrl },
    ],
  };
}

/** The editorial text and the works it cites, so the sources are machine-readable too. */
export function articleJsonLd({ site, product, pageUrl }: StructuredDataInput): WithContext<Article> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: `${product.name}: what the research says`,
    about: { '@id': `${pageUrl}#product` },
    url: pageUrl,
    publisher: { '@type': 'Organization', name: site.storeName },
    citation: product.worksCited.map((work) => ({
      '@type': 'CreativeWork',
      name: work.title,
      url: work.url,
      publisher: { '@type': 'Organization', name: work.source },
    })),
  };
}
