import { productMetadata, ProductView, productSizePlanParams } from '../../../../product-view';

/**
 * `/products/x?size=120&plan=30` is rewritten here (next.config.ts): a size on a subscription plan,
 * static like every size. Plans the store adds later render on first request.
 */
export const revalidate = 300;

export function generateStaticParams() {
  return productSizePlanParams();
}

export async function generateMetadata({
  params,
}: PageProps<'/products/[handle]/size/[size]/plan/[plan]'>) {
  const { handle } = await params;
  return productMetadata(handle);
}

export default async function ProductSizePlanRoute({
  params,
}: PageProps<'/products/[handle]/size/[size]/plan/[plan]'>) {
  const { handle, size, plan } = await params;
  return <ProductView handle={handle} size={Number(size)} planIntervalDays={Number(plan)} />;
}
