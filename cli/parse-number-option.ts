/**
 * An option's text as a number for the change's schema to judge: a decimal numeral becomes its number, anything
 * else NaN, which the schema refuses in words ("Enter the number of workers.") rather than Number("") being 0.
 */
export function parseNumberOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
}
