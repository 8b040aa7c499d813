/**
 * `npm run codegen` writes the types of the app's Storefront API documents; `-- --check` (part of
 * `npm test`) fails when the written file no longer matches them. GraphQL Code Generator's core with
 * Shopify's preset, as Hydrogen's codegen CLI runs it (that CLI's URL loaders need a newer Node). The
 * documents are the exported strings themselves, so each generated key is exactly the string
 * `storefrontRequest` is called with.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { codegen } from '@graphql-codegen/core';
import { preset } from '@shopify/hydrogen-codegen';
import {
  Kind,
  parse,
  print,
  printSchema,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
} from 'graphql';
import { format, resolveConfig } from 'prettier';
import * as documents from './documents';
import { storefrontSchema } from './local/schema';

const OUTPUT = path.join(import.meta.dirname, 'storefrontapi.generated.d.ts');

/**
 * One source per operation, keyed by its whole string (fragments included, as it is sent), and one per
 * fragment: every document carries the fragments it spreads, and codegen wants each defined once.
 */
function documentSources() {
  const operations = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const [name, text] of Object.entries(documents)) {
    const definitions = parse(text).definitions;
    const own = definitions.filter((definition) => definition.kind === 'OperationDefinition');
    operations.push(source(own, text, name));
    for (const definition of definitions) {
      if (definition.kind !== 'FragmentDefinition') continue;
      const known = fragments.get(definition.name.value);
      if (known && print(known) !== print(definition))
        throw new Error(`Two different fragments are named ${definition.name.value}.`);
      fragments.set(definition.name.value, definition);
    }
  }
  return [
    ...operations,
    ...[...fragments].map(([name, fragment]) => source([fragment], print(fragment), name)),
  ];
}

function source(definitions: DefinitionNode[], rawSDL: string, name: string) {
  return {
    document: { kind: Kind.DOCUMENT, definitions } satisfies DocumentNode,
    rawSDL,
    location: `lib/storefront/documents#${name}`,
  };
}

async function generate(): Promise<string> {
  // The schema hydrogen-react ships for its Storefront API version (the local store's): works offline.
  const schemaAst = storefrontSchema();
  const [section] = await preset.buildGeneratesSection({
    baseOutputDir: OUTPUT,
    schema: parse(printSchema(schemaAst)),
    schemaAst,
    documents: documentSources(),
    plugins: [],
    pluginMap: {},
    config: {
      // Operations name the fragments they spread (CartFieldsFragment, MoneyFragment) instead of
      // repeating their fields, so one cart or one price has one type wherever it is read.
      inlineFragmentTypes: 'combine',
      // An answer carries every field it selects, null or not: `image: Image | null`, not `image?:`.
      avoidOptionals: { field: true },
    },
    presetConfig: {
      importTypes: {
        namespace: 'StorefrontAPI',
        from: '@shopify/hydrogen-react/storefront-api-types',
      },
      // lib/storefront/client.ts types each request by the document it sends, from these.
      interfaceExtension: ({ queryType, mutationType }) =>
        `\nexport interface StorefrontQueries extends ${queryType} {}\n` +
        `export interface StorefrontMutations extends ${mutationType} {}\n`,
    },
  });
  // The preset is typed against an older @graphql-codegen/plugin-helpers than core; the shape is the same.
  const output = await codegen(section as unknown as Parameters<typeof codegen>[0]);
  return format(output, { ...(await resolveConfig(OUTPUT)), filepath: OUTPUT });
}

const generated = await generate();
const relative = path.relative(process.cwd(), OUTPUT);
if (process.argv.includes('--check')) {
  const written = await readFile(OUTPUT, 'utf8').catch(() => '');
  if (written !== generated) {
    console.error(
      `${relative} does not match lib/storefront/documents: run \`npm run codegen\` and commit it.`,
    );
    process.exit(1);
  }
  console.log(`${relative} is up to date.`);
} else {
  await writeFile(OUTPUT, generated);
  console.log(`Wrote ${relative}.`);
}
