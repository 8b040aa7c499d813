import { getContent } from '@/lib/content';

export default function HomePage() {
  const { products } = getContent();
  return (
    <div className="mx-auto max-w-page px-gutter py-10">
      <h1 className="font-serif text-3xl font-bold">Our supplements</h1>
      <ul className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {products.map((product, index) => (
          <li key={product.handle} className="rounded-card border border-line bg-paper-raised p-4">
            <a href={`/products/${product.handle}`} className="group block">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                src={product.image.path}
                alt={product.image.alt}
                width={product.image.width}
                height={product.image.height}
                fetchPriority={index === 0 ? 'high' : 'auto'}
                className="aspect-square h-auto w-full rounded-card"
              />
              <h2 className="mt-4 font-serif text-xl font-semibold group-hover:text-brand">
                {product.name}
              </h2>
              <p className="mt-1 text-sm text-ink-muted">{product.description}</p>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
