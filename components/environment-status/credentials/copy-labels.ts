const properNames = /^(Grafana|Jaeger|Prometheus|Kubernetes|Headlamp)\b/;

/**
 * Accessible names of a credential's Copy buttons: "Copy admin token" for a single value; "Copy Grafana
 * username" / "Copy Grafana password" for a login (a trailing "password" in the label is not repeated).
 */
export function copyLabels(credential: { label: string; username?: string | undefined }): {
  value: string;
  username: string | null;
} {
  if (credential.username === undefined) return { value: `Copy ${lowerFirst(credential.label)}`, username: null };
  const subject = credential.label.replace(/\s*password$/i, "").trim() || credential.label;
  return { value: `Copy ${subject} password`, username: `Copy ${subject} username` };
}

/** "Admin token" → "admin token"; acronyms ("API token") and product names ("Grafana password") keep their capital. */
function lowerFirst(label: string): string {
  const firstWord = label.split(/\s/)[0] ?? "";
  if ((firstWord.length > 1 && firstWord === firstWord.toUpperCase()) || properNames.test(label)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}
