import type { Block, Inline } from '@/lib/content';
import { CitationMark } from './CitationMark';

export function RichText({ blocks, className }: { blocks: Block[]; className?: string }) {
  return (
    <div className={className}>
      {blocks.map((block, index) =>
        block.type === 'paragraph' ? (
          <p key={index}>
            <Inlines nodes={block.children} />
          </p>
        ) : (
          <ul key={index} className="list-disc space-y-1.5 pl-5 marker:text-brand">
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>
                <Inlines nodes={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

export function Inlines({ nodes }: { nodes: Inline[] }) {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return node.value;
      case 'strong':
        return (
          <strong key={index} className="font-semibold text-ink">
            <Inlines nodes={node.children} />
          </strong>
        );
      case 'emphasis':
        return (
          <em key={index}>
            <Inlines nodes={node.children} />
          </em>
        );
      case 'link':
        return (
          <a key={index} href={node.href} className="text-brand underline underline-offset-2 hover:text-brand-strong">
            <Inlines nodes={node.children} />
          </a>
        );
      case 'citation':
        return <CitationMark key={index} number={node.number} citationKey={node.key} refId={node.refId} />;
    }
  });
}
