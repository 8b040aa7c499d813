import { PRODUCT_DATA_ID, type AnalyticsProduct } from '@/lib/analytics/page';
import { serializeJsonLd } from '@/lib/seo/json-ld';

/**
 * The product and variant this page shows, as data for analytics that load after consent. Plain
 * JSON in the HTML costs the page no script; nothing reads it until the shopper allowed measuring.
 */
export function ProductAnalyticsData({ product }: { product: AnalyticsProduct }) {
  return (
    <script
      id={PRODUCT_DATA_ID}
      type="application/json"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(product) }}
    />
  );
}
