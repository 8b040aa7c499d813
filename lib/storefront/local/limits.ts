import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * What one request may ask of the local store, so that no request can crash the process, hold it
 * for long or fill the database. The app's own documents (lib/storefront/documents) need at most
 * 2 KB, 170 tokens, depth 10, no aliases, cost 4,700 (the product's `variants(first: 25)` × their
 * `sellingPlanAllocations(first: 10)`) and one mutation field, with variables of ~130 bytes and
 * answers of ~1 KB; each limit is at least twice that (tests/unit/local-store/limits.test.ts measures
 * every document against them).
 */
export const LIMITS = {
  /** Bounds lexing: comments and whitespace are not tokens. */
  queryBytes: 32_768,
  /** Bounds every list and string a mutation is handed (lines, line ids, discount codes). */
  variablesBytes: 16_384,
  /** graphql-js stops parsing here, before a deep document can exhaust the stack. */
  tokens: 1_000,
  /** Fields nested in fields, fragment spreads counting one level (graphql-armor max-depth). */
  depth: 20,
  aliases: 10,
  /** Fields weighted by the `first`/`last` list sizes they sit under (graphql-armor cost-limit). */
  cost: 10_000,
  /** Root fields of a mutation: each one is a transaction, and cartCreate a row that stays. */
  mutationFields: 3,
  /**
   * Execution time, checked by every resolver (pauses over 20 ms count as 20 ms: execute.ts). List sizes
   * given by variables are not in the cost; this is what stops them.
   */
  executionMs: 250,
  /** The serialized JSON answer. */
  responseBytes: 262_144,
} as const;

export type LimitName = keyof typeof LIMITS;

/** Every refusal names its limit and number, in the message and in `extensions`. */
export function limitError(limit: LimitName, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'LIMIT_EXCEEDED', limit, maximum: LIMITS[limit] },
  });
}

export const formatNumber = (value: number) => value.toLocaleString('en-US');

/**
 * graphql-armor throws its rejection out of validate() by default; reported instead, it becomes one
 * of the request's errors. Its "Syntax Error:" prefix is dropped: the document's syntax is fine.
 */
function reportAs(limit: LimitName) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(limitError(limit, error.message.replace(/^Syntax Error: /, ''))),
    ],
  };
}

/** Distinct root fields of each mutation, through fragments; @skip/@include are not evaluated, so this is an upper bound. */
const maxMutationFieldsRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (operation.operation !== 'mutation') return;
    const keys = new Set<string>();
    const spread = new Set<string>();
    const collect = (selectionSet: SelectionSetNode) => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (!selection.name.value.startsWith('__'))
            keys.add((selection.alias ?? selection.name).value);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          collect(selection.selectionSet);
        } else if (!spread.has(selection.name.value)) {
          spread.add(selection.name.value);
          const fragment = context.getFragment(selection.name.value);
          if (fragment) collect(fragment.selectionSet);
        }
      }
    };
    collect(operation.selectionSet);
    if (keys.size > LIMITS.mutationFields) {
      context.reportError(
        limitError(
          'mutationFields',
          `Mutation field limit of ${LIMITS.mutationFields} per request exceeded, found ${keys.size}.`,
        ),
      );
    }
  },
});

/**
 * The size limits, run before graphql-js's own validation rules: some of those (overlapping fields)
 * cost more than linear time and recurse with the document's depth.
 */
export const LIMIT_RULES: readonly ValidationRule[] = [
  maxDepthRule({ n: LIMITS.depth, ignoreIntrospection: false, ...reportAs('depth') }),
  maxAliasesRule({ n: LIMITS.aliases, ...reportAs('aliases') }),
  // Plain counting: each field costs 1, times the list sizes above it (no extra weight per level).
  costLimitRule({
    maxCost: LIMITS.cost,
    objectCost: 1,
    scalarCost: 1,
    depthCostFactor: 1,
    ignoreIntrospection: false,
    ...reportAs('cost'),
  }),
  maxMutationFieldsRule,
];
