import type { Authorship, Product, Site, StorePolicies } from '@/lib/content';
import type { StorefrontProduct, StorefrontVariant } from '@/lib/storefront/product';
import { PUBLISHER_LOGO } from './publisher-logo';
import { storeId, storeJsonLd } from './store-policies';
import type {
  Article,
  BreadcrumbList,
  ItemAvailability,
  MedicalWebPage,
  OnlineStore,
  Person,
  Product as ProductLd,
  ProductGroup,
  UnitPriceSpecification,
  WebPage,
  WithContext,
} from 'schema-dts';

export interface StructuredDataInput {
  site: Site;
  product: Product;
  offer: StorefrontProduct | null;
  pageUrl: string;
  siteUrl: string;
  policies: StorePolicies;
  /** When the page is rendered: the shipping cut-off is published with that day's offset. */
  now?: Date;
}

type Document =
  | WithContext<ProductGroup>
  | WithContext<BreadcrumbList>
  | WithContext<WebPage | MedicalWebPage>
  | WithContext<Article>
  | WithContext<Exclude<OnlineStore, string>>;

/**
 * Every JSON-LD document of a product page, in the order the page carries them. The store's
 * shipping and return policies are declared once, on the store, which each Offer's seller names.
 */
export function productPageJsonLd(input: StructuredDataInput): Document[] {
  return [
    productGroupJsonLd(input),
    breadcrumbJsonLd(input),
    webPageJsonLd(input),
    articleJsonLd(input),
    storeJsonLd(input),
  ];
}

/**
 * The price before the reduction, as Google reads a compare-at price: a StrikethroughPrice
 * specification beside the Offer's own price. Only when it really is higher.
 */
function strikethrough(store: StorefrontVariant): UnitPriceSpecification | null {
  const was = store.compareAtPrice;
  if (!was || Number(was.amount) <= Number(store.price.amount)) return null;
  return {
    '@type': 'UnitPriceSpecification',
    priceType: 'https://schema.org/StrikethroughPrice',
    price: was.amount,
    priceCurrency: was.currencyCode,
  };
}

const ids = (pageUrl: string) => ({
  product: `${pageUrl}#product`,
  breadcrumb: `${pageUrl}#breadcrumb`,
  webPage: `${pageUrl}#webpage`,
  article: `${pageUrl}#article`,
});

function sizeOf(title: string): number | undefined {
  const match = /^(\d+)/.exec(title);
  return match ? Number(match[1]) : undefined;
}

/** The size's own page: `?size=N` is rewritten to the static page for that size (next.config.ts). */
function variantUrl(pageUrl: string, size: number | undefined): string {
  return size === undefined ? pageUrl : `${pageUrl}?size=${size}`;
}

/**
 * The sizes as Google asks for variants: one ProductGroup that varies by size, each size a Product
 * with its own page, SKU and Offer. Price and availability are the store's, exactly what the buy box
 * shows for that size; the price is the variant's one-time price (a subscription price is a selling
 * plan's, not the Offer's). Without store data (a build with the store down) the sizes are listed
 * without an Offer rather than with a price the store did not confirm.
 */
export function productGroupJsonLd({
  site,
  product,
  offer,
  pageUrl,
  siteUrl,
}: StructuredDataInput): WithContext<ProductGroup> {
  const imageOf = (size: number | undefined) =>
    `${siteUrl}${(product.variants.find((variant) => variant.size === size)?.image ?? product.image).path}`;
  const variant = (
    size: number | undefined,
    title: string,
    sku: string | null | undefined,
    store: StorefrontVariant | null,
  ): ProductLd => {
    const url = variantUrl(pageUrl, size);
    const content = product.variants.find((candidate) => sku && candidate.sku === sku);
    const was = store && strikethrough(store);
    return {
      '@type': 'Product',
      name: `${product.name}, ${title}`,
      ...(sku ? { sku } : {}),
      // Only numbers product.yaml states: a made-up GTIN would match another product.
      ...(content?.gtin ? { gtin: content.gtin } : {}),
      ...(content?.mpn ? { mpn: content.mpn } : {}),
      size: title,
      image: imageOf(size),
      url,
      ...(store
        ? {
            offers: {
              '@type': 'Offer',
              url,
              price: store.price.amount,
              priceCurrency: store.price.currencyCode,
              ...(was ? { priceSpecification: was } : {}),
              availability: (store.availableForSale
                ? 'https://schema.org/InStock'
                : 'https://schema.org/OutOfStock') as ItemAvailability,
              itemCondition: 'https://schema.org/NewCondition',
              seller: { '@type': 'OnlineStore', '@id': storeId(siteUrl), name: site.storeName },
            },
          }
        : {}),
    };
  };
  const hasVariant = offer
    ? offer.variants.nodes.map((store) =>
        variant(sizeOf(store.title), store.title, store.sku, store),
      )
    : product.variants.map((content) => variant(content.size, content.title, content.sku, null));
  return {
    '@context': 'https://schema.org',
    '@type': 'ProductGroup',
    '@id': ids(pageUrl).product,
    name: product.name,
    description: product.description,
    image: [`${siteUrl}${product.image.path}`],
    brand: { '@type': 'Brand', name: product.brand },
    url: pageUrl,
    productGroupID: product.handle,
    variesBy: 'https://schema.org/size',
    hasVariant,
  };
}

export function breadcrumbJsonLd({
  product,
  pageUrl,
  siteUrl,
}: StructuredDataInput): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    '@id': ids(pageUrl).breadcrumb,
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: 'Supplements', item: `${siteUrl}/` },
      { '@type': 'ListItem', position: 2, name: product.name, item: pageUrl },
    ],
  };
}

function person({ name, url }: { name: string; url: string | null }): Exclude<Person, string> {
  return { '@type': 'Person', name, ...(url ? { url } : {}) };
}

function reviewer(reviewedBy: NonNullable<Authorship['reviewedBy']>): Person {
  // honorificSuffix is schema.org's place for "MD", "RD" and the like after a name.
  return { ...person(reviewedBy), honorificSuffix: reviewedBy.credentials };
}

/**
 * The page itself. With a medical reviewer named in product.yaml it is a MedicalWebPage carrying the
 * reviewer and the day of the review; otherwise a plain WebPage, and nobody is claimed to have reviewed it.
 */
export function webPageJsonLd({
  site,
  product,
  pageUrl,
}: StructuredDataInput): WithContext<WebPage | MedicalWebPage> {
  const article = product.article;
  const page = {
    '@id': ids(pageUrl).webPage,
    url: pageUrl,
    name: product.name,
    description: product.description,
    inLanguage: site.language,
    mainEntity: { '@id': ids(pageUrl).product },
    breadcrumb: { '@id': ids(pageUrl).breadcrumb },
    ...(article?.reviewedBy ? { reviewedBy: reviewer(article.reviewedBy) } : {}),
    ...(article?.lastReviewed ? { lastReviewed: article.lastReviewed } : {}),
  };
  return article?.reviewedBy
    ? { '@context': 'https://schema.org', '@type': 'MedicalWebPage', ...page }
    : { '@context': 'https://schema.org', '@type': 'WebPage', ...page };
}

/**
 * The editorial text and the works it cites, so the sources are machine-readable too. Author and dates
 * appear only when product.yaml states them; the last review is the last change the store vouches for,
 * so it is dateModified. The article is part of the product page (its main entity is the product).
 */
export function articleJsonLd({
  site,
  product,
  pageUrl,
  siteUrl,
}: StructuredDataInput): WithContext<Article> {
  const article = product.article;
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    '@id': ids(pageUrl).article,
    headline: `${product.name}: what the research says`,
    about: { '@id': ids(pageUrl).product },
    isPartOf: { '@id': ids(pageUrl).webPage },
    url: pageUrl,
    inLanguage: site.language,
    // The product drawing, and the page's 1200×630 card (app/products/[handle]/opengraph-image.tsx).
    image: [`${siteUrl}${product.image.path}`, `${pageUrl}/opengraph-image`],
    ...(article?.author ? { author: person(article.author) } : {}),
    ...(article?.datePublished ? { datePublished: article.datePublished } : {}),
    ...(article?.lastReviewed ? { dateModified: article.lastReviewed } : {}),
    publisher: {
      '@type': 'Organization',
      name: site.storeName,
      url: `${siteUrl}/`,
      logo: { '@type': 'ImageObject', url: `${siteUrl}${PUBLISHER_LOGO.path}` },
    },
    citation: product.worksCited.map((work) => ({
      '@type': 'CreativeWork',
      name: work.title,
      url: work.url,
      publisher: { '@type': 'Organization', name: work.source },
    })),
  };
}
