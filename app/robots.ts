import { siteUrl } from '@/lib/site-url';
import type { MetadataRoute } from 'next';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/cart', '/checkout', '/orders/', '/api/'] }],
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
