/**
 * A GTIN as printed under a barcode (GTIN-8, UPC-A's 12 digits, EAN-13 or GTIN-14) whose last digit
 * is the check digit GS1 defines: a typo in any one digit, or two swapped neighbours, fails it.
 */
export function isValidGtin(value: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(value)) return false;
  const digits = [...value].map(Number);
  const check = digits.pop()!;
  // From the digit beside the check digit leftwards, weights alternate 3, 1, 3…
  const sum = digits
    .reverse()
    .reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}
