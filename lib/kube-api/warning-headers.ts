/** The API server's bounds on a response's warnings (k8s.io/apiserver's warning recorder). */
const truncateAtTotal = 4 * 1024;
const truncateItem = 256;

/**
 * The `Warning` header values (RFC 7234, as the API server sends them; kubectl prints each as "Warning: …")
 * for texts that may come from the client, such as unknown fields' names. Bounded as the API server bounds
 * them — past 4 KiB in all, each is cut to 256 characters and those that still do not fit are dropped — and
 * quoted with every character outside printable ASCII escaped as \uXXXX, so no byte of user text reaches a
 * header raw (a header holds Latin-1 only: a field named "é" would otherwise throw, and CR/LF would split it).
 */
export function warningHeaders(warnings: readonly string[]): string[] {
  const total = warnings.reduce((sum, w) => sum + w.length, 0);
  const texts =
    total > truncateAtTotal
      ? warnings.map((w) => (w.length > truncateItem ? `${w.slice(0, truncateItem - 1)}…` : w))
      : warnings;
  const out: string[] = [];
  let size = 0;
  for (const text of texts) {
    size += text.length;
    if (size > truncateAtTotal) break;
    out.push(
      `299 - ${JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}`,
    );
  }
  return out;
}
