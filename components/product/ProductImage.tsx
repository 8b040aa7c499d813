import type { ProductImage as ProductImageData } from '@/lib/content';

/**
 * The largest element above the fold on a phone, so it loads eagerly with high priority and has its
 * size reserved (no layout shift). SVGs skip next/image: there is nothing to resize or re-encode.
 */
export function ProductImage({ image }: { image: ProductImageData }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={image.path}
      alt={image.alt}
      width={image.width}
      height={image.height}
      fetchPriority="high"
      decoding="async"
      className="aspect-square h-auto w-full rounded-card bg-paper-sunk"
    />
  );
}
