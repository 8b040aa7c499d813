import { GraphQLError, type GraphQLResolveInfo } from 'graphql';

/**
 * The answer for anything in Shopify's schema that the local store does not do. An error naming the
 * field (and argument) is what lets a developer tell a missing feature from a genuine null.
 */
export const notImplemented = (what: string) =>
  new GraphQLError(`The local store does not implement ${what}.`, {
    extensions: { code: 'NOT_IMPLEMENTED_IN_LOCAL_STORE' },
  });

/** "Cart.lines": the field a resolver answers, as errors and the log name it. */
export const fieldPath = (info: Pick<GraphQLResolveInfo, 'parentType' | 'fieldName'>) =>
  `${info.parentType.name}.${info.fieldName}`;

/**
 * Arguments other than `implemented` are refused by name when given. A value equal to the schema's
 * default counts as not given (graphql-js fills defaults in, e.g. `reverse: false`).
 */
export function refuseArguments(
  args: Record<string, unknown>,
  info: GraphQLResolveInfo,
  implemented: readonly string[],
): void {
  for (const argument of info.parentType.getFields()[info.fieldName]?.args ?? []) {
    const value = args[argument.name];
    if (implemented.includes(argument.name) || value == null || value === argument.defaultValue)
      continue;
    throw notImplemented(`the ${argument.name} argument of ${fieldPath(info)}`);
  }
}

/**
 * Input fields other than `implemented` (gift cards, notes, attributes, buyer identity…) are
 * refused by name rather than dropped: ignoring them would answer as if they had been applied.
 */
export function rejectUnsupportedInput(
  typeName: string,
  inputs: readonly object[],
  implemented: readonly string[],
): void {
  for (const [field, value] of inputs.flatMap((input) => Object.entries(input))) {
    if (implemented.includes(field) || value == null || (Array.isArray(value) && !value.length))
      continue;
    throw notImplemented(`${typeName}.${field}`);
  }
}
