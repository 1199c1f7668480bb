import pino from "pino";

/**
 * Characters that could forge or hide parts of a log line when a person or a tool prints it: C0 and C1
 * controls (CR/LF start a fake line, ESC and CSI drive the terminal), DEL, the Unicode line and paragraph
 * separators, and the bidirectional overrides and isolates that reorder what is shown.
 */
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const named: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeText(text: string): string {
  return text.replace(unsafe, (c) => {
    const code = c.charCodeAt(0);
    return (
      named[c] ??
      (code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`)
    );
  });
}

/**
 * `value` with every string in it (keys included) escaped so it prints as one harmless line: `\n`, `\x1b`,
 * `\u202e` written out as text. Errors become plain objects first, by pino's own serializer (type, message and
 * stack with their causes, code), so their text is escaped too; a cycle or a nesting deeper than 8 ends in a
 * placeholder.
 */
export function escapeLogValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === "string") return escapeText(value);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[circular]";
  if (depth > 8) return "[nested too deep]";
  seen.add(value);
  try {
    if (value instanceof Date) return value;
    if (Array.isArray(value)) return value.map((v) => escapeLogValue(v, depth + 1, seen));
    if (value instanceof Error) return escapeLogValue({ ...pino.stdSerializers.err(value) }, depth + 1, seen);
    const json = (value as { toJSON?: unknown }).toJSON;
    if (typeof json === "function") return escapeLogValue(json.call(value), depth + 1, seen);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[escapeText(k)] = escapeLogValue(v, depth + 1, seen);
    return out;
  } finally {
    seen.delete(value);
  }
}
