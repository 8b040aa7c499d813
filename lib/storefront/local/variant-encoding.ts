/**
 * Shopify's `encodedVariantExistence` / `encodedVariantAvailability` for a product with one option:
 * the option value indices as runs ("v1_0-2 4"), the format hydrogen-react's decoder reads.
 */
export function encodeOptionIndices(indices: number[]): string {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  const runs: string[] = [];
  let start = sorted[0]!;
  let previous = start;
  for (const index of [...sorted.slice(1), Number.NaN]) {
    if (index === previous + 1) {
      previous = index;
      continue;
    }
    runs.push(start === previous ? String(start) : `${start}-${previous}`);
    start = previous = index;
  }
  return `v1_${runs.join(' ')}`;
}
