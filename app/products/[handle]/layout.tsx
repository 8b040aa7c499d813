import { productMetadata } from './product-view';

/**
 * Every choice of size and plan is the same product to search engines and social cards, so its
 * metadata lives here, on the segment they share, where Next joins it with opengraph-image.tsx.
 */
export async function generateMetadata({ params }: LayoutProps<'/products/[handle]'>) {
  const { handle } = await params;
  return productMetadata(handle);
}

export default function ProductLayout({ children }: LayoutProps<'/products/[handle]'>) {
  return children;
}
