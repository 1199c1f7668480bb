import "server-only";

const base = "https://clusterport.invalid";

/**
 * The path to return to after signing in or up: only ever a path of this site. The value is judged after the
 * WHATWG URL parser (the one browsers use) has read it, so tabs and newlines a browser strips (`/%09/evil`),
 * backslashes it treats as slashes (`/\evil`) and protocol-relative forms (`//evil`) cannot reach another
 * host. Query strings may repeat `next`; anything but one string falls back.
 */
export function safeReturnPath(
  value: string | readonly string[] | null | undefined,
  fallback = "/marketplace",
): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = url.pathname + url.search + url.hash;
  // The serialised form is what the browser will follow; it must still be a same-origin path on its own.
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : fallback;
}
