import type { ProductImage as ProductImageData } from '@/lib/content';

/**
 * The illustration is inlined: it paints with the first frame, needs no request, and cannot shift
 * the layout. The markup was checked for scripts when the content was loaded.
 */
export function ProductImage({ image }: { image: ProductImageData }) {
  return (
    <div
      role="img"
      aria-label={image.alt}
      style={{ aspectRatio: `${image.width} / ${image.height}` }}
      className="w-full overflow-hidden rounded-card bg-paper-sunk [&>svg]:block [&>svg]:h-full [&>svg]:w-full"
      dangerouslySetInnerHTML={{ __html: image.markup }}
    />
  );
}
