/**
 * Dates in content are calendar days without a time zone. A marketer east of the build server can
 * already be on tomorrow's date, so "in the future" means after the latest date anywhere on Earth
 * right now (UTC+14), never after the server's own date.
 */
export function latestDateToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** "2025-02-30" parses in JavaScript (as March 2), so a real date is one that survives the round trip. */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
