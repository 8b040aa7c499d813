import { GraphQLError, type GraphQLResolveInfo } from 'graphql';

/**
 * The answer for anything in Shopify's schema that the local store does not do. An error naming the
 * field (and argument) is what lets a developer tell a missing feature from a genuine null.
 */
export function notImplemented(info: Pick<GraphQLResolveInfo, 'parentType' | 'fieldName'>, detail?: string): GraphQLError {
  const field = `${info.parentType.name}.${info.fieldName}`;
  return new GraphQLError(`The local store does not implement ${detail ? `${detail} of ${field}` : field}.`, {
    extensions: { code: 'NOT_IMPLEMENTED_IN_LOCAL_STORE' },
  });
}

/**
 * Input the local store cannot honour (gift cards, subscriptions, delivery, B2B) is refused by name
 * rather than dropped: ignoring it would answer as if it had been applied.
 */
export function rejectUnsupportedInput(typeName: string, input: object | null | undefined, fields: readonly string[]): void {
  if (!input) return;
  for (const field of fields) {
    const value: unknown = (input as Record<string, unknown>)[field];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    throw new GraphQLError(`The local store does not implement ${typeName}.${field}.`, { extensions: { code: 'NOT_IMPLEMENTED_IN_LOCAL_STORE' } });
  }
}
