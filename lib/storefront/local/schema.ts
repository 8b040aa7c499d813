import { createRequire } from 'node:module';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

let schema: GraphQLSchema | undefined;

/**
 * The Storefront API schema that @shopify/hydrogen-react ships. Executing against Shopify's own schema
 * is what makes the local store indistinguishable from Shopify for the fields it implements.
 */
export function storefrontSchema(): GraphQLSchema {
  if (!schema) {
    const require = createRequire(import.meta.url);
    const introspection = require('@shopify/hydrogen-react/storefront.schema.json') as
      IntrospectionQuery | { data: IntrospectionQuery };
    schema = buildClientSchema('data' in introspection ? introspection.data : introspection);
  }
  return schema;
}
