import type { Product, ProductImage as ProductImageData } from '@/lib/content';
import { ArticleCredits } from './ArticleCredits';
import { Disclaimer } from './Disclaimer';
import { Highlights } from './Highlights';
import { ProductImage } from './ProductImage';
import { ProductSection } from './ProductSection';
import { Takeaway } from './Takeaway';
import { WorksCited } from './WorksCited';
import type { ReactNode } from 'react';

/** The whole product page; `buyBox` slots in beside the summary so the page itself needs no store. */
export function ProductPage({
  product,
  image,
  buyBox,
  facts,
}: {
  product: Product;
  image?: ProductImageData;
  buyBox?: ReactNode;
  facts?: ReactNode;
}) {
  return (
    <article className="mx-auto max-w-page px-gutter pt-6 pb-4 sm:pt-10">
      <div className="grid gap-8 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)] lg:gap-12">
        <div className="mx-auto w-full max-w-[18rem] sm:max-w-sm lg:sticky lg:top-24 lg:max-w-none lg:self-start">
          <ProductImage image={image ?? product.image} />
        </div>
        <div>
          <p className="text-sm font-semibold tracking-wide text-accent uppercase">
            {product.brand}
          </p>
          <h1 className="mt-1 font-serif text-3xl font-bold text-balance sm:text-4xl">
            {product.name}
          </h1>
          <ArticleCredits article={product.article} />
          <p className="mt-3 text-lg leading-relaxed text-ink-muted">{product.description}</p>
          {buyBox}
          <Highlights highlights={product.highlights} />
        </div>
      </div>

      <div className="below-fold mt-section grid gap-10 [--below-fold-height:90rem] lg:grid-cols-[minmax(0,7fr)_minmax(0,4fr)] lg:[--below-fold-height:50rem]">
        <div className="border-t border-line">
          {product.sections.map((section, index) => (
            <ProductSection key={section.id} section={section} open={index === 0} />
          ))}
        </div>
        {facts && <div className="lg:pt-5">{facts}</div>}
      </div>

      <Takeaway html={product.takeaway} />
      <WorksCited works={product.worksCited} />
      <Disclaimer disclaimer={product.disclaimer} />
    </article>
  );
}
