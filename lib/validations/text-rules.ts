import { z } from "./zod";

/**
 * Characters that hide or disguise text rather than show it: C0/C1 controls (NUL, escape, tab, line breaks),
 * lone surrogates (no character at all; PostgreSQL and JSON refuse them), the bidirectional overrides and
 * isolates of "Trojan Source", the line and paragraph separators and the byte-order mark.
 */
const hidden = /[\p{Cc}\p{Cs}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029\uFEFF]/u;
/** In multi-line text, tabs and line breaks are part of the content; every other hidden character is not. */
const hiddenInMultiline =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cs}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029\uFEFF]/u;
const visible = /[^\s\p{Cf}]/u;

export const singleLineRule =
  "Use visible characters only: line breaks, tabs, control characters and text-direction overrides are not allowed.";
export const multilineRule =
  "Remove the control characters or text-direction overrides: only visible text, tabs and line breaks are allowed.";

/**
 * A one-line text a person reads (a name, a label): trimmed, `min`–`max` characters, at least one of them
 * visible, none of the hidden ones above.
 */
export function singleLineText(opts: { label: string; min: number; max: number }) {
  return z
    .string({ error: `Enter ${opts.label}.` })
    .trim()
    .min(opts.min, { error: `Enter ${opts.label}.` })
    .max(opts.max, { error: `Use at most ${opts.max} characters.` })
    .refine((v) => !hidden.test(v), { error: singleLineRule })
    .refine((v) => opts.min === 0 || visible.test(v), {
      error: `Enter ${opts.label} with at least one visible character.`,
    });
}

/** Multi-line text such as YAML: tabs and line breaks allowed, other hidden characters refused. */
export function multilineText() {
  return z.string().refine((v) => !hiddenInMultiline.test(v), { error: multilineRule });
}
