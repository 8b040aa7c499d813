import { getContent } from '@/lib/content';
import { POLICY_PAGE_PATH } from '@/lib/seo/store-policies';
import { siteUrl } from '@/lib/site-url';
import type { MetadataRoute } from 'next';

/**
 * Every product in content/ is listed, a new product folder appears here without code changes; and
 * the store policy page.
 */
export default function sitemap(): MetadataRoute.Sitemap {
  const base = siteUrl();
  return [
    { url: `${base}/`, changeFrequency: 'weekly', priority: 0.6 },
    ...getContent().products.map((product) => ({
      url: `${base}/products/${product.handle}`,
      changeFrequency: 'weekly' as const,
      priority: product.flagship ? 1 : 0.8,
      images: [`${base}${product.image.path}`],
    })),
    { url: `${base}${POLICY_PAGE_PATH}`, changeFrequency: 'monthly', priority: 0.3 },
  ];
}
