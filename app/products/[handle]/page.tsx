import { getContent } from '@/lib/content';
import { productMetadata, ProductView } from './product-view';

export const dynamicParams = false;
export const revalidate = 300;

export function generateStaticParams() {
  return getContent().products.map((product) => ({ handle: product.handle }));
}

export async function generateMetadata({ params }: PageProps<'/products/[handle]'>) {
  const { handle } = await params;
  return productMetadata(handle);
}

export default async function ProductRoute({ params }: PageProps<'/products/[handle]'>) {
  const { handle } = await params;
  return <ProductView handle={handle} />;
}
