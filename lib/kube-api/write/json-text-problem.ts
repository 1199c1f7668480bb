import { maxJsonCollections, maxNestingDepth } from "./body-limits";

/**
 * What makes JSON text too costly to parse, or undefined: objects and lists nested deeper than
 * maxNestingDepth (`{"a":1}` is one level; 400), or more of them than maxJsonCollections (413). Read character by
 * character without recursion or parsing, so that a body of a million `[` or `{},` costs a few milliseconds
 * to refuse before JSON.parse and the recursive code after it see it. Invalid JSON is left to JSON.parse.
 */
export function jsonTextProblem(text: string): { code: 400 | 413; message: string } | undefined {
  let depth = 0;
  let collections = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxNestingDepth) {
        return {
          code: 400,
          message: `it nests objects and lists deeper than ${maxNestingDepth} levels; this API reads at most ${maxNestingDepth}, more than any Kubernetes object needs (the API server's own limit is 10,000)`,
        };
      }
      if (++collections > maxJsonCollections)
        return {
          code: 413,
          message: `it holds more than ${maxJsonCollections} objects and lists; this API reads at most ${maxJsonCollections} in one body`,
        };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}
