/** The local store's discount codes: enough to exercise both the valid and the unknown-code paths. */
const DISCOUNTS: Record<string, { percentage: number }> = {
  WELCOME10: { percentage: 10 },
};

export function discountFor(code: string): { percentage: number } | undefined {
  return DISCOUNTS[code.trim().toUpperCase()];
}
