/** Joins class names, skipping falsy values. No dedupe / conflict resolution. */
export function cn(...parts: Array<string | false | null | undefined | 0>): string {
  return parts.filter(Boolean).join(" ");
}
