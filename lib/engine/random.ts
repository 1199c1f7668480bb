/** A seeded pseudo-random source (mulberry32): same seed, same sequence, so runs are reproducible. */
export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  /** Lowercase letters and digits. */
  token(length: number): string;
};

export function seededRandom(seed: string | number): Random {
  let state = typeof seed === "number" ? seed >>> 0 : hash(seed);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    token: (length) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""),
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
