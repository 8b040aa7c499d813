import { GraphQLError, type GraphQLResolveInfo } from 'graphql';

const NOT_IMPLEMENTED = { code: 'NOT_IMPLEMENTED_IN_LOCAL_STORE' };

/**
 * The answer for anything in Shopify's schema that the local store does not do. An error naming the
 * field (and argument) is what lets a developer tell a missing feature from a genuine null.
 */
export function notImplemented(
  info: Pick<GraphQLResolveInfo, 'parentType' | 'fieldName'>,
  detail?: string,
): GraphQLError {
  const field = `${info.parentType.name}.${info.fieldName}`;
  return new GraphQLError(
    `The local store does not implement ${detail ? `${detail} of ${field}` : field}.`,
    { extensions: NOT_IMPLEMENTED },
  );
}

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
    if (
      implemented.includes(argument.name) ||
      value === undefined ||
      value === null ||
      value === argument.defaultValue
    )
      continue;
    throw notImplemented(info, `the ${argument.name} argument`);
  }
}

/**
 * Input fields other than `implemented` (gift cards, notes, attributes, buyer identity…) are
 * refused by name rather than dropped: ignoring them would answer as if they had been applied.
 */
export function rejectUnsupportedInput(
  typeName: string,
  input: object | null | undefined,
  implemented: readonly string[],
): void {
  if (!input) return;
  for (const [field, value] of Object.entries(input)) {
    if (
      implemented.includes(field) ||
      value === undefined ||
      value === null ||
      (Array.isArray(value) && value.length === 0)
    )
      continue;
    throw new GraphQLError(`The local store does not implement ${typeName}.${field}.`, {
      extensions: NOT_IMPLEMENTED,
    });
  }
}
