import { refuseArguments } from './not-implemented';
import type { GraphQLResolveInfo } from 'graphql';

/**
 * A connection with `nodes`, which is what the app reads. `first` is honoured; paging arguments
 * (after, last, reverse, sortKey…) are refused by name rather than ignored, and `edges`/`pageInfo`
 * error as unimplemented fields.
 */
export function nodesConnection<T>(
  items: readonly T[],
  args: Record<string, unknown>,
  info: GraphQLResolveInfo,
): { nodes: T[] } {
  refuseArguments(args, info, ['first']);
  const first = typeof args.first === 'number' ? Math.max(0, args.first) : items.length;
  return { nodes: items.slice(0, first) };
}
