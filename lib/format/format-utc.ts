/**
 * "2026-01-01 12:00:00 UTC" (or "12:00:00" with `timeOnly`). Always UTC, so the server render and the
 * browser's hydration print the same text whatever the browser's time zone.
 */
export function formatUtc(iso: string, { timeOnly = false }: { timeOnly?: boolean } = {}): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const text = new Date(ms).toISOString();
  return timeOnly ? text.slice(11, 19) : `${text.slice(0, 10)} ${text.slice(11, 19)} UTC`;
}
