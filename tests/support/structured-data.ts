import { createRequire } from 'node:module';

/**
 * structured-data-testing-tool (offline) with its Google presets, plus the checks those presets do
 * not have. Its Google preset knows Article, WebPage and Organization but no Product, ProductGroup,
 * MedicalWebPage or store policies, so those are added here from Google's product variant, merchant
 * listing, return policy and shipping policy requirements. Used by the e2e suite on the server HTML and by the unit tests on builder output.
 */

export interface ToolTest {
  test: string;
  schema?: string;
  type?: string;
  group?: string;
  groups?: string[];
  description?: string;
  expect?: unknown;
  warning?: boolean;
  optional?: boolean;
  error?: { message: string };
}

interface Preset {
  name: string;
  description: string;
  tests?: ToolTest[];
  presets?: Preset[];
}

type JsonLd = Record<string, Array<Record<string, unknown>>>;

export interface ToolResult {
  passed: ToolTest[];
  failed: ToolTest[];
  warnings: ToolTest[];
  schemas: string[];
  structuredData: { jsonld: JsonLd };
}

// The tool is CommonJS without types; createRequire loads it the same way in Vitest and Playwright.
const require = createRequire(import.meta.url);
const { structuredDataTest } = require('structured-data-testing-tool') as {
  structuredDataTest: (input: unknown, options?: object) => Promise<ToolResult>;
};
const { Google } = require('structured-data-testing-tool/presets') as { Google: Preset };

/** The tool rejects when any test fails; the result is the same either way, and that is what we assert on. */
async function run(input: unknown, options: object): Promise<ToolResult> {
  try {
    return await structuredDataTest(input, options);
  } catch (error) {
    const failed = error as { type?: string; res?: ToolResult };
    if (failed.type === 'VALIDATION_FAILED' && failed.res) return failed.res;
    throw error;
  }
}

const required = (schema: string, test: string, expect?: unknown): ToolTest => ({
  test,
  schema,
  type: 'jsonld',
  ...(expect === undefined ? {} : { expect }),
});

/**
 * One test per property and per variant: the tool's `[*]` projections pass when any one variant has
 * the property, and its preset `schema` mechanism rewrites only the last `[*]` of a nested path.
 */
function productVariantsPreset(jsonld: JsonLd): Preset {
  const tests = (jsonld.ProductGroup ?? []).flatMap((group, g) => {
    const at = `ProductGroup[${g}]`;
    const variants = Array.isArray(group.hasVariant) ? group.hasVariant : [];
    return [
      required('ProductGroup', `${at}.name`),
      required('ProductGroup', `${at}.productGroupID`),
      required('ProductGroup', `${at}.variesBy`),
      required('ProductGroup', `${at}.hasVariant`),
      ...variants.flatMap((_, v) => {
        const variant = `${at}.hasVariant[${v}]`;
        return [
          required('Product', `${variant}."@type"`, 'Product'),
          ...['name', 'sku', 'size', 'image', 'url'].map((property) =>
            required('Product', `${variant}.${property}`),
          ),
          required('Product', `${variant}.offers."@type"`, 'Offer'),
          ...['price', 'priceCurrency', 'availability', 'url'].map((property) =>
            required('Product', `${variant}.offers.${property}`),
          ),
          // A compare-at price is a StrikethroughPrice specification with its own price and currency.
          ...(hasPriceSpecification(variants[v])
            ? [
                required(
                  'Product',
                  `${variant}.offers.priceSpecification.priceType`,
                  'https://schema.org/StrikethroughPrice',
                ),
                required('Product', `${variant}.offers.priceSpecification.price`),
                required('Product', `${variant}.offers.priceSpecification.priceCurrency`),
              ]
            : []),
        ];
      }),
    ];
  });
  return {
    name: 'Google product variants',
    description: 'ProductGroup with hasVariant, each variant a Product with an Offer',
    tests,
  };
}

function hasPriceSpecification(variant: unknown): boolean {
  const offers = (variant as { offers?: { priceSpecification?: unknown } } | undefined)?.offers;
  return offers?.priceSpecification !== undefined;
}

/**
 * Google's store-level policies: the return policy's required and recommended properties, and each
 * shipping condition's destination, rate and transit time, with handling time on the service.
 */
function merchantPoliciesPreset(jsonld: JsonLd): Preset {
  const tests = ['OnlineStore', 'Organization'].flatMap((type) =>
    (jsonld[type] ?? []).flatMap((store, index) => {
      const at = `${type}[${index}]`;
      const service = store.hasShippingService as { shippingConditions?: unknown[] } | undefined;
      const conditions = Array.isArray(service?.shippingConditions)
        ? service.shippingConditions
        : [];
      return [
        ...[
          'applicableCountry',
          'returnPolicyCountry',
          'returnPolicyCategory',
          'merchantReturnDays',
          'returnMethod',
          'returnFees',
        ].map((property) => required(type, `${at}.hasMerchantReturnPolicy.${property}`)),
        required(type, `${at}.hasShippingService.handlingTime.duration.minValue`),
        required(type, `${at}.hasShippingService.handlingTime.duration.maxValue`),
        required(type, `${at}.hasShippingService.shippingConditions`),
        ...conditions.flatMap((_, c) =>
          [
            'shippingDestination',
            'shippingRate.value',
            'shippingRate.currency',
            'transitTime.duration.minValue',
            'transitTime.duration.maxValue',
          ].map((property) =>
            required(type, `${at}.hasShippingService.shippingConditions[${c}].${property}`),
          ),
        ),
      ];
    }),
  );
  return {
    name: 'Google merchant policies',
    description: 'Store-level return policy and shipping service',
    tests,
  };
}

function medicalWebPagePreset(jsonld: JsonLd): Preset {
  const tests = (jsonld.MedicalWebPage ?? []).flatMap((_, index) =>
    ['reviewedBy."@type"', 'reviewedBy.name', 'reviewedBy.honorificSuffix', 'lastReviewed'].map(
      (property) => required('MedicalWebPage', `MedicalWebPage[${index}].${property}`),
    ),
  );
  return {
    name: 'Medical review',
    description: 'A reviewed health page names its reviewer, their credentials and the review date',
    tests,
  };
}

/** Runs the Google presets and the checks above on HTML (or a JSON-LD string). */
export async function validateStructuredData(html: string): Promise<ToolResult> {
  const { structuredData } = await run(html, {});
  return run(structuredData, {
    presets: [
      Google,
      productVariantsPreset(structuredData.jsonld),
      medicalWebPagePreset(structuredData.jsonld),
      merchantPoliciesPreset(structuredData.jsonld),
    ],
  });
}

/** "Article[0].author: Could not find …", for readable assertion failures. */
export function describeTests(tests: ToolTest[], schema?: string): string[] {
  return tests
    .filter((test) => schema === undefined || test.schema === schema)
    .map((test) => `${test.test}: ${test.error?.message ?? 'passed'}`);
}

/** How many property checks passed for a schema, so a test can prove the checks did run (not just found nothing). */
export function passedFor(result: ToolResult, schema: string): number {
  return result.passed.filter((test) => test.schema === schema && test.test.includes('.')).length;
}
