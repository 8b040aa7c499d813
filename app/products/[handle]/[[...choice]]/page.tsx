import { notFound } from 'next/navigation';
import { parseChoiceSegments } from '@/lib/product-choice';
import { productChoiceParams, ProductView } from '../product-view';

/**
 * Every page a link can lead to is built ahead, so anything else (a product, size or plan not sold)
 * is a 404 that renders nothing and leaves nothing in the page cache.
 */
export const dynamicParams = false;
export const revalidate = 300;

export function generateStaticParams() {
  return productChoiceParams();
}

export default async function ProductRoute({
  params,
}: PageProps<'/products/[handle]/[[...choice]]'>) {
  const { handle, choice } = await params;
  const chosen = parseChoiceSegments(choice);
  if (!chosen) notFound();
  return <ProductView handle={handle} {...chosen} />;
}
