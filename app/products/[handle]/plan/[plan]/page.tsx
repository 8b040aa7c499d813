import { productMetadata, ProductView, productPlanParams } from '../../product-view';

/** `/products/x?plan=30` is rewritten here (next.config.ts): the default size on a subscription plan. */
export const revalidate = 300;

export function generateStaticParams() {
  return productPlanParams();
}

export async function generateMetadata({ params }: PageProps<'/products/[handle]/plan/[plan]'>) {
  const { handle } = await params;
  return productMetadata(handle);
}

export default async function ProductPlanRoute({
  params,
}: PageProps<'/products/[handle]/plan/[plan]'>) {
  const { handle, plan } = await params;
  return <ProductView handle={handle} planIntervalDays={Number(plan)} />;
}
