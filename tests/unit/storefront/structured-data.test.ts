import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkContent, type Content, type Product } from '@/lib/content';
import { serializeJsonLd } from '@/lib/seo/json-ld';
import { storeJsonLd } from '@/lib/seo/store-policies';
import { productPageJsonLd, type StructuredDataInput } from '@/lib/seo/structured-data';
import type { StorefrontProduct } from '@/lib/storefront/product';
import {
  onlineStoreSchema,
  schemaProblems,
  strikethroughPriceSchema,
} from '../../support/merchant-policies-schema';
import { describeTests, passedFor, validateStructuredData } from '../../support/structured-data';
import { contentCopy } from '../content/fixture';

const SITE_URL = 'https://shop.example';
const PAGE_URL = `${SITE_URL}/products/vitamin-d3-k2`;
const PRODUCT = 'content/products/vitamin-d3-k2/product.yaml';

/** Made-up people for tests only: the shipped content names nobody, because the source article names nobody. */
const ARTICLE = `
article:
  author:
    name: Test Author
    url: https://example.com/authors/test-author
  reviewedBy:
    name: Test Reviewer
    credentials: MD, PhD
  datePublished: 2025-06-27
  lastReviewed: 2026-10-01
`;

function load(block: string | null): Content {
  const copy = contentCopy();
  if (block) copy.edit(PRODUCT, (text) => `${text.trimEnd()}\n${block}`);
  const { content, issues } = checkContent(copy.root);
  if (!content) throw new Error(issues.map((issue) => issue.message).join('\n'));
  return content;
}

const PLAN = 'gid://shopify/SellingPlan/30-days';

/** A price as the store writes it, 10% off, for the subscription's allocation. */
const tenPercentOff = (amount: string) => (Number(amount) * 0.9).toFixed(2);

/**
 * What the store answers for the product: the sizes of product.yaml, the 120 sold out, and a
 * subscribe & save plan at 10% off, whose lower price must not become the Offer's.
 */
function storeOffer(product: Product): StorefrontProduct {
  return {
    id: 'gid://shopify/Product/1',
    handle: product.handle,
    title: product.name,
    vendor: product.brand,
    availableForSale: true,
    options: [
      { name: 'Size', optionValues: product.variants.map((variant) => ({ name: variant.title })) },
    ],
    sellingPlanGroups: {
      nodes: [
        {
          name: 'Subscribe & save',
          sellingPlans: {
            nodes: [
              {
                id: PLAN,
                name: 'Delivers every 30 days, 10% off',
                recurringDeliveries: true,
                options: [{ name: 'Delivery every', value: '30 days' }],
                priceAdjustments: [
                  {
                    adjustmentValue: {
                      __typename: 'SellingPlanPercentagePriceAdjustment',
                      adjustmentPercentage: 10,
                    },
                  },
                ],
              },
            ],
          },
        },
      ],
    },
    variants: {
      nodes: product.variants.map((variant) => ({
        sellingPlanAllocations: {
          nodes: [
            {
              sellingPlan: { id: PLAN },
              priceAdjustments: [
                {
                  price: { amount: tenPercentOff(variant.price), currencyCode: 'USD' },
                  compareAtPrice: { amount: variant.price, currencyCode: 'USD' },
                  perDeliveryPrice: { amount: tenPercentOff(variant.price), currencyCode: 'USD' },
                  unitPrice: null,
                },
              ],
            },
          ],
        },
        id: `gid://shopify/ProductVariant/${variant.sku}`,
        unitPrice: null,
        unitPriceMeasurement: null,
        title: variant.title,
        sku: variant.sku,
        availableForSale: variant.size !== 120,
        quantityAvailable: variant.size !== 120 ? variant.stock : 0,
        price: { amount: variant.price, currencyCode: 'USD' },
        compareAtPrice: variant.compareAtPrice
          ? { amount: variant.compareAtPrice, currencyCode: 'USD' }
          : null,
        selectedOptions: [{ name: 'Size', value: variant.title }],
        image: null,
      })),
    },
  };
}

function input(content: Content, withOffer = true): StructuredDataInput {
  const product = content.products.find((candidate) => candidate.handle === 'vitamin-d3-k2')!;
  return {
    site: content.site,
    product,
    offer: withOffer ? storeOffer(product) : null,
    pageUrl: PAGE_URL,
    siteUrl: SITE_URL,
    policies: content.policies,
    now: new Date('2026-12-02T15:00:00Z'),
  };
}

/** The documents as the page carries them (components/seo/JsonLd.tsx). */
const asHtml = (documents: unknown[]) =>
  `<!DOCTYPE html><html><head><title>t</title></head><body>${documents.map((data) => `<script type="application/ld+json">${serializeJsonLd(data)}</script>`).join('')}</body></html>`;

type Json = Record<string, unknown> & { '@type': string };
const byType = (documents: unknown[]) =>
  Object.fromEntries(
    (documents as Json[]).map((document) => [document['@type'], document]),
  ) as Record<string, Json>;

let reviewed: Content;
let plain: Content;
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-25T12:00:00Z'));
  reviewed = load(ARTICLE);
  plain = load(null);
});
afterAll(() => vi.useRealTimers());

describe('product page JSON-LD', () => {
  it('with a reviewer: a MedicalWebPage with the reviewer, credentials and review date; the article with author, dates, images and the publisher logo', () => {
    const documents = byType(productPageJsonLd(input(reviewed)));
    expect(Object.keys(documents)).toEqual([
      'ProductGroup',
      'BreadcrumbList',
      'MedicalWebPage',
      'Article',
      'OnlineStore',
    ]);
    expect(documents.MedicalWebPage).toMatchObject({
      '@id': `${PAGE_URL}#webpage`,
      url: PAGE_URL,
      mainEntity: { '@id': `${PAGE_URL}#product` },
      reviewedBy: { '@type': 'Person', name: 'Test Reviewer', honorificSuffix: 'MD, PhD' },
      lastReviewed: '2026-10-01',
    });
    expect(documents.MedicalWebPage!.reviewedBy).not.toHaveProperty('url');
    expect(documents.Article).toMatchObject({
      author: {
        '@type': 'Person',
        name: 'Test Author',
        url: 'https://example.com/authors/test-author',
      },
      datePublished: '2025-06-27',
      dateModified: '2026-10-01',
      image: [`${SITE_URL}/images/vitamin-d3-k2.svg`, `${PAGE_URL}/opengraph-image`],
      isPartOf: { '@id': `${PAGE_URL}#webpage` },
      publisher: {
        '@type': 'Organization',
        name: 'Northfield Nutrition',
        logo: { '@type': 'ImageObject', url: `${SITE_URL}/publisher-logo.png` },
      },
    });
  });

  it('without an article block nothing is claimed: a plain WebPage, and no author, dates or reviewer anywhere', () => {
    const documents = productPageJsonLd(input(plain));
    const types = byType(documents);
    expect(Object.keys(types)).toEqual([
      'ProductGroup',
      'BreadcrumbList',
      'WebPage',
      'Article',
      'OnlineStore',
    ]);
    for (const key of ['reviewedBy', 'lastReviewed', 'author', 'datePublished', 'dateModified']) {
      expect(JSON.stringify(documents)).not.toContain(`"${key}"`);
    }
  });

  it('the sizes are a ProductGroup varying by size; each variant has its own page, SKU, size and Offer at the one-time price', () => {
    const group = byType(productPageJsonLd(input(reviewed))).ProductGroup!;
    // The store offers the sizes on subscription too (17.10 and 28.80); the Offer is the one-time price.
    expect(JSON.stringify(group)).not.toMatch(/17\.10|28\.80/);
    expect(group).toMatchObject({
      '@id': `${PAGE_URL}#product`,
      productGroupID: 'vitamin-d3-k2',
      variesBy: 'https://schema.org/size',
      url: PAGE_URL,
    });
    expect(group.hasVariant).toEqual([
      {
        '@type': 'Product',
        name: 'Vitamin D3 + K2, 60 softgels',
        sku: 'D3K2-60',
        size: '60 softgels',
        image: `${SITE_URL}/images/vitamin-d3-k2.svg`,
        url: `${PAGE_URL}?size=60`,
        offers: {
          '@type': 'Offer',
          url: `${PAGE_URL}?size=60`,
          price: '19.00',
          priceCurrency: 'USD',
          availability: 'https://schema.org/InStock',
          itemCondition: 'https://schema.org/NewCondition',
          seller: {
            '@type': 'OnlineStore',
            '@id': `${SITE_URL}/#store`,
            name: 'Northfield Nutrition',
          },
        },
      },
      expect.objectContaining({
        sku: 'D3K2-120',
        size: '120 softgels',
        image: `${SITE_URL}/images/vitamin-d3-k2-120.svg`,
        url: `${PAGE_URL}?size=120`,
        // The price, not the struck-through compareAtPrice, and sold out as the store says.
        offers: expect.objectContaining({
          price: '32.00',
          availability: 'https://schema.org/OutOfStock',
          url: `${PAGE_URL}?size=120`,
          // The compare-at price, marked the way Google reads a reduction.
          priceSpecification: {
            '@type': 'UnitPriceSpecification',
            priceType: 'https://schema.org/StrikethroughPrice',
            price: '38.00',
            priceCurrency: 'USD',
          },
        }),
      }),
    ]);
  });

  it('without store data the sizes are listed without an Offer, never with an unconfirmed price', () => {
    const group = byType(productPageJsonLd(input(reviewed, false))).ProductGroup!;
    expect(
      (group.hasVariant as Json[]).map((variant) => [
        variant.sku,
        variant.url,
        'offers' in variant,
      ]),
    ).toEqual([
      ['D3K2-60', `${PAGE_URL}?size=60`, false],
      ['D3K2-120', `${PAGE_URL}?size=120`, false],
    ]);
  });
});

describe('structured-data-testing-tool with the Google presets', () => {
  it('with a reviewer: no failures; Article, ProductGroup variants and MedicalWebPage checks all ran', async () => {
    const result = await validateStructuredData(asHtml(productPageJsonLd(input(reviewed))));
    expect(describeTests(result.failed)).toEqual([]);
    expect(result.schemas).toEqual([
      'ProductGroup',
      'BreadcrumbList',
      'MedicalWebPage',
      'Article',
      'OnlineStore',
    ]);
    // Google's Article preset: type, headline, image, publisher type, name, logo and logo URL, author,
    // datePublished, and dateModified (checked as a warning).
    expect(passedFor(result, 'Article')).toBe(10);
    // 4 group checks + 11 per variant, and 3 for the 120's strikethrough price.
    expect(passedFor(result, 'ProductGroup') + passedFor(result, 'Product')).toBe(4 + 2 * 11 + 3);
    // The return policy's 6, the handling time's 2 and the conditions list, 5 for each of the two
    // shipping conditions (below the free-shipping threshold and from it).
    expect(passedFor(result, 'OnlineStore')).toBe(6 + 3 + 2 * 5);
    expect(passedFor(result, 'MedicalWebPage')).toBe(4);
    // The article is part of the product page, whose main entity is the product, so it does not claim
    // mainEntityOfPage; the preset reports that as a warning only.
    expect(describeTests(result.warnings)).toEqual([
      'Article[0].mainEntityOfPage: Could not find "Article[0].mainEntityOfPage"',
    ]);
  });

  it('without an article block the only failures are the author and date the content does not give', async () => {
    const result = await validateStructuredData(asHtml(productPageJsonLd(input(plain))));
    expect(describeTests(result.failed)).toEqual([
      'Article[0].author: Could not find "Article[0].author"',
      'Article[0].datePublished: Could not find "Article[0].datePublished"',
    ]);
    expect(passedFor(result, 'Product')).toBe(2 * 11 + 3);
  });

  it('the custom checks catch a variant without an Offer price', async () => {
    const documents = productPageJsonLd(input(reviewed));
    const group = documents[0] as unknown as {
      hasVariant: Array<{ offers: Record<string, unknown> }>;
    };
    delete group.hasVariant[1]!.offers.price;
    const result = await validateStructuredData(asHtml(documents));
    expect(describeTests(result.failed)).toEqual([
      'ProductGroup[0].hasVariant[1].offers.price: Could not find "ProductGroup[0].hasVariant[1].offers.price"',
    ]);
  });
});

describe('store-level shipping and return policies', () => {
  const store = (content: Content, now = new Date('2026-12-02T15:00:00Z')) =>
    storeJsonLd({ site: content.site, policies: content.policies, siteUrl: SITE_URL, now });

  it('declared once on the store, from content/policies.yaml: flat rate below the threshold, free from it', () => {
    const document = store(plain);
    expect(document).toMatchObject({
      '@type': 'OnlineStore',
      '@id': `${SITE_URL}/#store`,
      name: 'Northfield Nutrition',
      url: `${SITE_URL}/`,
      hasMerchantReturnPolicy: {
        '@type': 'MerchantReturnPolicy',
        applicableCountry: ['US'],
        returnPolicyCountry: 'US',
        returnPolicyCategory: 'https://schema.org/MerchantReturnFiniteReturnWindow',
        merchantReturnDays: 30,
        returnMethod: 'https://schema.org/ReturnByMail',
        returnFees: 'https://schema.org/FreeReturn',
        merchantReturnLink: `${SITE_URL}/policies/shipping-returns#returns`,
      },
      hasShippingService: {
        handlingTime: {
          cutoffTime: '14:00:00-05:00',
          businessDays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map(
            (day) => `https://schema.org/${day}`,
          ),
          duration: { minValue: 1, maxValue: 2, unitCode: 'DAY' },
        },
      },
    });
    const conditions = (
      document.hasShippingService as unknown as {
        shippingConditions: Array<Record<string, unknown>>;
      }
    ).shippingConditions;
    expect(conditions.map(({ orderValue, shippingRate }) => [orderValue, shippingRate])).toEqual([
      [
        { '@type': 'MonetaryAmount', minValue: 0, maxValue: 34.99, currency: 'USD' },
        { '@type': 'MonetaryAmount', value: 4.95, currency: 'USD' },
      ],
      [
        { '@type': 'MonetaryAmount', minValue: 35, currency: 'USD' },
        { '@type': 'MonetaryAmount', value: 0, currency: 'USD' },
      ],
    ]);
    expect(conditions[0]).toMatchObject({
      shippingDestination: [{ '@type': 'DefinedRegion', addressCountry: 'US' }],
      transitTime: { duration: { minValue: 2, maxValue: 4, unitCode: 'DAY' } },
    });
  });

  it('the cut-off carries the offset of the day the page is rendered (daylight saving time)', () => {
    const summer = store(plain, new Date('2027-07-01T12:00:00Z'));
    expect(summer.hasShippingService).toMatchObject({
      handlingTime: { cutoffTime: '14:00:00-04:00' },
    });
  });

  it('returns paid by the shopper, and shipping without a threshold, say so', () => {
    const copy = contentCopy();
    copy.edit('content/policies.yaml', (text) =>
      text
        .replace('returnShipping: free', 'returnShipping: customer')
        .replace('  freeOver: 35.00\n', ''),
    );
    const { content } = checkContent(copy.root);
    const document = store(content!);
    expect(document.hasMerchantReturnPolicy).toMatchObject({
      returnFees: 'https://schema.org/ReturnFeesCustomerResponsibility',
    });
    const service = document.hasShippingService as unknown as { shippingConditions: unknown[] };
    expect(service.shippingConditions).toEqual([
      expect.objectContaining({
        shippingRate: { '@type': 'MonetaryAmount', value: 4.95, currency: 'USD' },
      }),
    ]);
    expect(schemaProblems(onlineStoreSchema, document)).toEqual([]);
  });

  it('passes the schema check of these types; the check catches a misspelt property and a wrong value', () => {
    expect(schemaProblems(onlineStoreSchema, store(plain))).toEqual([]);
    const broken = JSON.parse(JSON.stringify(store(plain))) as {
      hasMerchantReturnPolicy: Record<string, unknown>;
      hasShippingService: { handlingTime: { businessDays: string[] } };
    };
    broken.hasMerchantReturnPolicy.merchantReturnDay = 30;
    broken.hasMerchantReturnPolicy.returnFees = 'Free';
    broken.hasShippingService.handlingTime.businessDays[0] = 'Monday';
    expect(schemaProblems(onlineStoreSchema, broken)).toEqual([
      expect.stringMatching(/^hasShippingService\.handlingTime\.businessDays\[0\]: /),
      expect.stringMatching(/^hasMerchantReturnPolicy\.returnFees: /),
      expect.stringMatching(/^hasMerchantReturnPolicy: Unrecognized key: "merchantReturnDay"/),
    ]);
  });

  it('the compare-at price passes the schema check; a compare-at price that is not higher is left out', () => {
    const group = byType(productPageJsonLd(input(plain))).ProductGroup!;
    const offers = (group.hasVariant as Array<{ offers: Record<string, unknown> }>).map(
      (variant) => variant.offers,
    );
    expect(offers[0]).not.toHaveProperty('priceSpecification');
    expect(schemaProblems(strikethroughPriceSchema, offers[1]!.priceSpecification)).toEqual([]);

    const same = input(plain);
    same.offer!.variants.nodes[1]!.compareAtPrice = { amount: '32.00', currencyCode: 'USD' };
    const sameGroup = byType(productPageJsonLd(same)).ProductGroup!;
    expect(JSON.stringify(sameGroup)).not.toContain('StrikethroughPrice');
  });
});

describe('barcode numbers', () => {
  it('gtin and mpn appear on a variant only when product.yaml gives them', () => {
    expect(JSON.stringify(productPageJsonLd(input(plain)))).not.toMatch(/"gtin|"mpn/);
    const copy = contentCopy();
    copy.edit(PRODUCT, (text) =>
      text.replace(
        '    sku: D3K2-60\n',
        '    sku: D3K2-60\n    gtin: "4006381333931"\n    mpn: NF-60\n',
      ),
    );
    const content = checkContent(copy.root).content!;
    const variants = byType(productPageJsonLd(input(content))).ProductGroup!.hasVariant as Json[];
    expect(variants.map((variant) => [variant.sku, variant.gtin, variant.mpn])).toEqual([
      ['D3K2-60', '4006381333931', 'NF-60'],
      ['D3K2-120', undefined, undefined],
    ]);
  });
});
