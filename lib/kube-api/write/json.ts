export type Json = Record<string, unknown>;

/**
 * A Kubernetes object read by path (`o.spec.template.spec.containers`) where the reader knows the kind's shape:
 * kubectl's columns, selectors' fields. Everything a client sends is read as `Json` instead.
 */
export type ObjectByPath = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- read by path, see above

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The value as an object, or an empty one (for reading optional parts of a client's object). */
export const objectAt = (v: unknown): Json => (isObject(v) ? v : {});

/** A map of strings (labels, selectors, annotations), or undefined when it is not one. */
export function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(v)) {
    if (typeof value !== "string") return undefined;
    out[k] = value;
  }
  return out;
}

export const isPort = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535;
