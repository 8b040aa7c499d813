import { getContent } from '@/lib/content';
import { siteUrl } from '@/lib/site-url';
import type { MetadataRoute } from 'next';

/** Every product in content/ is listed; a new product folder appears here without code changes. */
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
  ];
}
