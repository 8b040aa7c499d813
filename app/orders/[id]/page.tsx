import { notFound } from 'next/navigation';
import { formatMoney } from '@/components/cart/format-money';
import { getLocalOrder } from '@/lib/storefront';
import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Order confirmed',
  robots: { index: false, follow: false },
};

export default async function OrderPage({ params }: PageProps<'/orders/[id]'>) {
  const { id } = await params;
  // Next has already decoded the segment; a malformed escape never gets here as a 500.
  const order = await getLocalOrder(id);
  if (!order) notFound();
  return (
    <div className="mx-auto max-w-2xl px-gutter py-10">
      <p className="rounded-lg bg-accent-soft p-3 text-sm font-semibold text-accent" role="note">
        Local store order: a demonstration store. No payment was taken and nothing ships.
      </p>
      <h1 className="mt-6 font-serif text-3xl font-bold">Thank you, your order is placed</h1>
      <p className="mt-2 text-ink-muted">
        Order <strong className="text-ink">{order.name}</strong>, placed{' '}
        {new Date(order.createdAt).toLocaleString('en-US', {
          dateStyle: 'long',
          timeStyle: 'short',
          timeZone: 'UTC',
        })}{' '}
        UTC.
      </p>
      <ul className="mt-6 divide-y divide-line border-y border-line" aria-label="Ordered items">
        {order.lines.map((line) => (
          <li
            key={`${line.sku}:${line.sellingPlanName ?? ''}`}
            className="flex justify-between gap-4 py-3"
          >
            <span>
              {line.title}, {line.variantTitle} × {line.quantity}
              {line.sellingPlanName && (
                <span className="block text-sm text-brand">{line.sellingPlanName}</span>
              )}
            </span>
            <span className="tabular-nums">{formatMoney(line.lineTotal)}</span>
          </li>
        ))}
      </ul>
      {Number(order.discount.amount) > 0 && (
        <p className="mt-4 flex justify-between text-brand">
          <span>Discount</span>
          <span className="tabular-nums">−{formatMoney(order.discount)}</span>
        </p>
      )}
      <p className="mt-4 flex justify-between text-lg font-semibold">
        <span>Total</span>
        <span className="tabular-nums">{formatMoney(order.total)}</span>
      </p>
      <a href="/" className="mt-8 inline-block text-brand underline underline-offset-2">
        Continue shopping
      </a>
    </div>
  );
}
