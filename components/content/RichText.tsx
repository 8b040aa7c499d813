import type { ContentHtml } from '@/lib/content';

/**
 * Text from content/, inserted as the HTML the content loader made and sanitised when the content
 * was loaded: one string, not hundreds of React elements sent twice (HTML and RSC payload) and
 * hydrated. The elements inside are styled by the `.rich-text` rules in app/globals.css.
 */
export function RichText({ html, className }: { html: ContentHtml; className?: string }) {
  return (
    <div
      className={className ? `rich-text ${className}` : 'rich-text'}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
