/** Store amounts are decimal strings ("19.00"); arithmetic on them is done in whole cents. */
export function toCents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

export function fromCents(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** `numerator / denominator` cents rounded half up, in integers: never at the mercy of binary fractions. */
export function divideCents(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
