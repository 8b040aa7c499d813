import type { CatalogVariant } from './catalog-types';

/** Inline text after parsing; citations are already resolved to their number on the page. */
export type Inline =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'citation'; key: string; number: number; refId: string };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; items: Inline[][] };

export type SectionId = 'benefits' | 'mechanism' | 'who-benefits' | 'safety';

export interface Section {
  id: SectionId;
  title: string;
  blocks: Block[];
  /** The file it came from, relative to the repository, for messages. */
  source: string;
}

export interface Highlight {
  title: string;
  blocks: Block[];
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
  /** The SVG, made safe to inline into the page. */
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
export type ProductVariant = Omit<CatalogVariant, 'image'> & { image: ProductImage | null };

export interface Product {
  handle: string;
  name: string;
  brand: string;
  flagship: boolean;
  description: string;
  image: ProductImage;
  highlights: Highlight[];
  takeaway: Block[];
  sections: Section[];
  worksCited: WorkCited[];
  disclaimer: Disclaimer;
  variants: ProductVariant[];
  supplementFacts: SupplementFacts | null;
}

export interface Disclaimer {
  title: string;
  blocks: Block[];
}

export interface Site {
  storeName: string;
  tagline: string;
  language: string;
  currency: string;
}

export interface Content {
  site: Site;
  products: Product[];
}
