import { preload } from 'react-dom';
import type { ProductImage as ProductImageData } from '@/lib/content';

/**
 * The illustration as an image, asked for from the document's head: as inline SVG its text and
 * shapes went through the page's own style and layout before the first paint. Width and height
 * keep its space, so nothing shifts when it arrives.
 */
export function ProductImage({ image }: { image: ProductImageData }) {
  preload(image.path, { as: 'image', fetchPriority: 'high' });
  return (
    // eslint-disable-next-line @next/next/no-img-element -- an SVG: next/image has nothing to resize
    <img
      src={image.path}
      alt={image.alt}
      width={image.width}
      height={image.height}
      fetchPriority="high"
      className="block h-auto w-full rounded-card bg-paper-sunk"
    />
  );
}
