export { checkContent, getContent, getProduct } from './load';
export { toCatalog } from './catalog';
export { countryCodeProblem } from './countries';
export { ContentError, formatIssue, type ContentIssue } from './issues';
export type * from './types';
export type {
  Catalog,
  CatalogDiscount,
  CatalogProduct,
  CatalogSubscription,
  CatalogVariant,
} from './catalog-types';
export type * from './policy-types';
