import type { ContentHtml } from '@/lib/content';

/**
 * How the elements of content HTML look (lib/content/render-html.ts makes it: p, ul/ol/li, strong,
 * em, links, and footnote markers as <sup><a>[<span>source </span>1]</a></sup>). The HTML carries no
 * classes: styling it from here keeps every class name in a file Tailwind scans and the HTML small.
 * A footnote link is `sup a`, more specific than `a`, so it wins over the plain link style.
 */
const CONTENT_ELEMENTS = [
  '[&_strong]:font-semibold [&_strong]:text-ink',
  '[&_a]:text-brand [&_a]:underline [&_a]:underline-offset-2 [&_a]:hover:text-brand-strong',
  '[&_ul]:list-disc [&_ul]:space-y-1.5 [&_ul]:pl-5 [&_ul]:marker:text-brand',
  '[&_ol]:list-decimal [&_ol]:space-y-1.5 [&_ol]:pl-5 [&_ol]:marker:text-brand',
  '[&_sup]:ml-0.5 [&_sup]:text-[0.7em] [&_sup]:leading-none',
  '[&_sup_a]:rounded [&_sup_a]:px-0.5 [&_sup_a]:font-semibold [&_sup_a]:no-underline [&_sup_a]:hover:text-brand [&_sup_a]:hover:underline',
  '[&_sup_span]:sr-only',
].join(' ');

/**
 * Text from content/, inserted as the HTML the content loader made and sanitised at build time:
 * one string, no React elements to send twice (HTML and RSC payload) or to hydrate.
 */
export function RichText({ html, className }: { html: ContentHtml; className?: string }) {
  return <div className={className ? `${CONTENT_ELEMENTS} ${className}` : CONTENT_ELEMENTS} dangerouslySetInnerHTML={{ __html: html }} />;
}
