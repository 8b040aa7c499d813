export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

/** A Relay connection as Shopify returns it: edges with cursors, nodes, and pageInfo. */
export function connection<T>(all: T[], args: ConnectionArgs) {
  const items = args.reverse ? [...all].reverse() : all;
  const indexOf = (cursor: string | null | undefined) => (cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : NaN);
  let start = 0;
  let end = items.length;
  const after = indexOf(args.after);
  const before = indexOf(args.before);
  if (Number.isInteger(after)) start = Math.max(start, after + 1);
  if (Number.isInteger(before)) end = Math.min(end, before);
  if (typeof args.first === 'number') end = Math.min(end, start + Math.max(0, args.first));
  if (typeof args.last === 'number') start = Math.max(start, end - Math.max(0, args.last));
  const cursor = (index: number) => Buffer.from(String(index)).toString('base64url');
  const edges = items.slice(start, Math.max(start, end)).map((node, offset) => ({ cursor: cursor(start + offset), node }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
