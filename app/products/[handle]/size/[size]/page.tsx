import { productMetadata, ProductView, productSizeParams } from '../../product-view';

/** `/products/x?size=120` is rewritten here (next.config.ts), so every size is a static page too. */
export const dynamicParams = false;
export const revalidate = 300;

export function generateStaticParams() {
  return productSizeParams();
}

export async function generateMetadata({ params }: PageProps<'/products/[handle]/size/[size]'>) {
  const { handle } = await params;
  return productMetadata(handle);
}

export default async function ProductSizeRoute({
  params,
}: PageProps<'/products/[handle]/size/[size]'>) {
  const { handle, size } = await params;
  return <ProductView handle={handle} size={Number(size)} />;
}
