import { createRequire } from 'node:module';
import { buildClientSchema, parse, validate, type IntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as documents from '@/lib/storefront/documents';

const require = createRequire(import.meta.url);
const introspection = require('@shopify/hydrogen-react/storefront.schema.json') as
  IntrospectionQuery | { data: IntrospectionQuery };
const schema = buildClientSchema('data' in introspection ? introspection.data : introspection);

describe('GraphQL documents validate against the Storefront API schema hydrogen-react ships', () => {
  const appDocuments = Object.entries(documents as Record<string, unknown>).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );

  it('covers every document the app sends', () => {
    expect(appDocuments.map(([name]) => name).sort()).toEqual(
      [
        'CART_CREATE_MUTATION',
        'CART_DISCOUNT_CODES_UPDATE_MUTATION',
        'CART_LINES_ADD_MUTATION',
        'CART_LINES_REMOVE_MUTATION',
        'CART_LINES_UPDATE_MUTATION',
        'CART_QUERY',
        'PRODUCT_QUERY',
        'SHOP_QUERY',
      ].sort(),
    );
  });

  it.each(appDocuments)('%s is valid', (_name, document) => {
    expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
  });

  it('rejects a document with a field Shopify does not have (the check can fail)', () => {
    const errors = validate(schema, parse('query { product(handle: "x") { id notAField } }'));
    expect(errors.map((error) => error.message)).toEqual([expect.stringContaining('notAField')]);
  });
});
