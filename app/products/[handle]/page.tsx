import { notFound } from 'next/navigation';
import { ProductPage } from '@/components/product/ProductPage';
import { getContent, getProduct } from '@/lib/content';

export const dynamicParams = false;

export function generateStaticParams() {
  return getContent().products.map((product) => ({ handle: product.handle }));
}

export default async function ProductRoute({ params }: PageProps<'/products/[handle]'>) {
  const { handle } = await params;
  const product = getProduct(handle);
  if (!product) notFound();
  return <ProductPage product={product} />;
}
