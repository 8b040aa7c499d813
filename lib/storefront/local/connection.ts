import { refuseArguments } from './not-implemented';
import type { GraphQLResolveInfo } from 'graphql';

/**
 * A connection field with `nodes`, which is what the app reads, over `items` (built only when the
 * field is selected). `first` is honoured; paging arguments (after, last, reverse, sortKey…) are
 * refused by name rather than ignored, and `edges`/`pageInfo` error as unimplemented fields.
 */
export const connectionOf =
  <T>(items: () => readonly T[]) =>
  (args: Record<string, unknown>, _context: unknown, info: GraphQLResolveInfo): { nodes: T[] } => {
    refuseArguments(args, info, ['first']);
    const first = typeof args.first === 'number' ? Math.max(0, args.first) : undefined;
    return { nodes: items().slice(0, first) };
  };
