const alphabet = "bcdfghjklmnpqrstvwxz2456789";

/**
 * A deterministic suffix in the style of Kubernetes generated names ("7d9c5b8f6d", "x2k4p"): same text, same
 * suffix, so pod names are stable across runs and re-runs. FNV-1a, re-hashed to fill the length.
 */
export function shortHash(text: string, length = 5): string {
  let out = "";
  let h = 2166136261;
  for (let round = 0; out.length < length; round += 1) {
    for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    h = Math.imul(h ^ round, 16777619) >>> 0;
    let v = h;
    for (let k = 0; k < 4 && out.length < length; k += 1) {
      out += alphabet[v % alphabet.length];
      v = Math.floor(v / alphabet.length);
    }
  }
  return out;
}

/** An unsigned 32-bit FNV-1a hash, for deriving addresses. */
export function numericHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
