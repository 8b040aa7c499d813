/** The local store's discount codes: enough to exercise both the valid and the unknown-code paths. */
const DISCOUNTS: Record<string, { percentage: number }> = {
  WELCOME10: { percentage: 10 },
};

export function discountFor(code: string): { percentage: number } | undefined {
  return DISCOUNTS[code.trim().toUpperCase()];
}

/** What each applicable code takes off a subtotal, in whole cents (rounded half up, as Shopify does). */
export function applyDiscounts(codes: readonly string[], subtotalCents: number): Array<{ code: string; percentage: number; cents: number }> {
  return codes.flatMap((code) => {
    const discount = discountFor(code);
    return discount ? [{ code, percentage: discount.percentage, cents: Math.round((subtotalCents * discount.percentage) / 100) }] : [];
  });
}
