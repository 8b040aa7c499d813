import type { CatalogDiscount, CatalogSubscription, CatalogVariant } from './catalog-types';
import type { StorePolicies } from './policy-types';

/**
 * Text from content/ as HTML, made at load time from the Markdown (lib/content/render-html.ts):
 * only paragraphs, lists, bold, emphasis, web links and numbered citation links, sanitised against
 * exactly that. The page inserts it as it is. Only the renderer makes one (the brand stops a plain
 * string from being passed where sanitised HTML is expected).
 */
export type ContentHtml = string & { readonly __brand: 'ContentHtml' };

export type SectionId = 'benefits' | 'mechanism' | 'who-benefits' | 'safety';

export interface Section {
  id: SectionId;
  title: string;
  html: ContentHtml;
  /** The file it came from, relative to the repository, for messages. */
  source: string;
}

export interface Highlight {
  title: string;
  html: ContentHtml;
}

export interface Citation {
  key: string;
  title: string;
  source: string;
  /** ISO date, YYYY-MM-DD. */
  accessed: string;
  url: string;
}

/** A citation as listed on one product page: numbered, with links back to where it is cited. */
export interface WorkCited extends Citation {
  number: number;
  /** Element ids of the footnote markers that cite it, in page order. */
  citedAt: string[];
}

export interface ProductImage {
  path: string;
  alt: string;
  width: number;
  height: number;
  /** The SVG, checked and sanitised (lib/content/svg.ts), its ids prefixed: safe to inline into the page. */
  markup: string;
}

export interface SupplementFactsRow {
  nutrient: string;
  amount: string;
  dailyValue: string | null;
}

/** Servings per container is not here: it follows the size the shopper picked. */
export interface SupplementFacts {
  servingSize: string;
  rows: SupplementFactsRow[];
  otherIngredients: string;
}

/** A size for sale, as the page shows it (its image can be inlined). */
export type ProductVariant = Omit<CatalogVariant, 'image'> & {
  image: ProductImage | null;
  /** The barcode number (GTIN) and manufacturer part number, only when product.yaml gives them. */
  gtin: string | null;
  mpn: string | null;
};

export interface Product {
  handle: string;
  name: string;
  brand: string;
  flagship: boolean;
  description: string;
  image: ProductImage;
  highlights: Highlight[];
  takeaway: ContentHtml;
  sections: Section[];
  worksCited: WorkCited[];
  disclaimer: Disclaimer;
  variants: ProductVariant[];
  /** Subscribe & save plans (what the local store sells); empty when the product is sold one-time only. */
  subscriptions: CatalogSubscription[];
  /** The caution under the buy button, plain text, linking to the Safety section; null when product.yaml has none. */
  safetyNote: string | null;
  supplementFacts: SupplementFacts | null;
  /** Who wrote and reviewed the text, and when; null when product.yaml names nobody and no date. */
  article: Authorship | null;
}

/** Exactly what product.yaml's `article:` block states; a part it leaves out is null, never filled in. */
export interface Authorship {
  author: { name: string; url: string | null } | null;
  /** A medical reviewer, always with credentials (e.g. "MD") and a lastReviewed date. */
  reviewedBy: { name: string; credentials: string; url: string | null } | null;
  /** ISO dates, YYYY-MM-DD, never in the future. */
  datePublished: string | null;
  lastReviewed: string | null;
}

export interface Disclaimer {
  title: string;
  html: ContentHtml;
}

/** What may be measured about a shopper: analytics (Shopify analytics, field performance) and marketing. */
export interface ConsentChoice {
  analytics: boolean;
  marketing: boolean;
}

/** content/site.yaml `consent:`, the store's rules for asking before measuring. */
export interface ConsentRules {
  /** Countries (ISO 3166-1 alpha-2, as the edge's country header names them) where shoppers choose first. */
  bannerCountries: string[];
  /** When the edge names no country: ask first, or treat the shopper like any other country. */
  unknownCountry: 'banner' | 'elsewhere';
  /** What is measured where no banner is required, until the shopper changes it. */
  elsewhere: ConsentChoice;
}

export interface Site {
  storeName: string;
  tagline: string;
  language: string;
  currency: string;
  consent: ConsentRules;
}

export interface Content {
  site: Site;
  products: Product[];
  /** Discount codes the local store accepts (content/discounts.yaml). */
  discounts: CatalogDiscount[];
  /** Shipping, returns and subscription terms (content/policies.yaml). */
  policies: StorePolicies;
}
