/** Only same-site paths are followed after sign-in, never another origin (open-redirect guard). */
export function safeReturnPath(value: string | null | undefined, fallback = "/marketplace"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
