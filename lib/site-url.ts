/** The public origin of the site (canonical URLs, sitemap, local checkout links), without a trailing slash. */
export function siteUrl(): string {
  return (process.env.SITE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}
