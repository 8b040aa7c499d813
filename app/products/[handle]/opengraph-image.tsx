import { ImageResponse } from 'next/og';
import { getContent, getProduct } from '@/lib/content';
import { getProductOffer } from '@/lib/storefront';

export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';
export const alt = 'Product card with name, size and price';

export function generateStaticParams() {
  return getContent().products.map((product) => ({ handle: product.handle }));
}

/** The social card: drawn at build time with next/og's bundled font, nothing fetched from the internet. */
export default async function OpenGraphImage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const product = getProduct(handle);
  const offer = await getProductOffer(handle);
  const variant = offer.ok ? offer.product.variants.nodes[0] : undefined;
  const price = variant
    ? new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: variant.price.currencyCode,
      }).format(Number(variant.price.amount))
    : null;
  const { site } = getContent();
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: 72,
        background: '#fbf8f1',
        color: '#1c2621',
      }}
    >
      <div style={{ display: 'flex', fontSize: 34, fontWeight: 700, color: '#1f5135' }}>
        {site.storeName}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column' }}>
        <div style={{ fontSize: 96, fontWeight: 800 }}>{product?.name ?? 'Supplement'}</div>
        <div style={{ fontSize: 40, marginTop: 16, color: '#46524b' }}>
          {variant ? `${variant.title} · from ${price}` : site.tagline}
        </div>
      </div>
      <div style={{ display: 'flex', fontSize: 28, color: '#a24a0c' }}>
        Evidence-first: every claim cited
      </div>
    </div>,
    size,
  );
}
