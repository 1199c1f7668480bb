import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter } from "yaml";

/**
 * Limits on YAML a person pastes (custom manifests, Helm values). The parser is generous by default: a few
 * thousand nested brackets exhaust its stack after seconds of work, and a handful of anchors referring to
 * each other ("billion laughs") expand into millions of nodes. Both are refused before they cost anything.
 */
export const yamlLimits = { bytes: 256 * 1024, depth: 64, aliases: 100 } as const;

export type YamlProblem = { line: number; message: string };

/** Size and flow-collection depth, judged on the text before it is parsed. */
export function textLimitProblem(text: string): YamlProblem | undefined {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > yamlLimits.bytes) {
    return { line: 1, message: `is ${Math.ceil(bytes / 1024)} KiB; the limit is ${yamlLimits.bytes / 1024} KiB` };
  }
  const deep = deepFlowLine(text);
  return deep === undefined ? undefined : { line: deep, message: depthMessage };
}

const depthMessage = `nests collections more than ${yamlLimits.depth} levels deep`;

/**
 * The line where `[`/`{` collections first nest deeper than the limit, or undefined. Quoted strings, plain
 * scalars and comments are skipped, and a bracket counts only where YAML would open a collection (after
 * `[{,:-?`, at the start of a line or after a space), so `a[0]` or "[[" in a string never count.
 */
function deepFlowLine(text: string): number | undefined {
  let depth = 0;
  let line = 1;
  let prev = "\n";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") line += 1;
    const atFlowPosition = prev === "\n" || /[\s[{,:\-?]/.test(prev);
    if (c === "#" && (prev === "\n" || /\s/.test(prev))) {
      while (i + 1 < text.length && text[i + 1] !== "\n") i++;
    } else if ((c === '"' || c === "'") && atFlowPosition) {
      const end = endOfQuoted(text, i, c);
      line += countNewlines(text, i + 1, end);
      i = end;
    } else if ((c === "[" || c === "{") && atFlowPosition) {
      depth += 1;
      if (depth > yamlLimits.depth) return line;
    } else if ((c === "]" || c === "}") && depth > 0) {
      depth -= 1;
    } else if (atFlowPosition && !/[\s,:\-?]/.test(c)) {
      i = endOfPlain(text, i, depth > 0);
    }
    prev = text[i]!;
  }
  return undefined;
}

/** The last index of a plain (unquoted) scalar: it ends before a line break, ": ", " #" and, in a flow collection, before ,[]{}. */
function endOfPlain(text: string, start: number, inFlow: boolean): number {
  let i = start;
  for (; i + 1 < text.length; i++) {
    const next = text[i + 1]!;
    if (next === "\n") break;
    if (next === ":" && /[\s,[\]{}]/.test(text[i + 2] ?? " ")) break;
    if (next === "#" && /\s/.test(text[i]!)) break;
    if (inFlow && /[,[\]{}]/.test(next)) break;
  }
  return i;
}

function endOfQuoted(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === "\\") i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length - 1;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i <= to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * The plain value of a parsed document, or the limit it breaks: nesting deeper than the limit (block
 * indentation included) or aliases expanding more than the limit allows.
 */
export function toPlainValue(doc: Document, counter: LineCounter): { value: unknown } | { problem: YamlProblem } {
  const deep = deepestNode(doc.contents);
  if (deep) return { problem: { line: counter.linePos(deep.range?.[0] ?? 0).line, message: depthMessage } };
  try {
    return { value: doc.toJS({ maxAliasCount: yamlLimits.aliases }) };
  } catch (e) {
    const message =
      e instanceof Error && /alias/i.test(e.message)
        ? `refers to anchors (*alias) too often; at most ${yamlLimits.aliases} expansions are allowed`
        : "could not be read as YAML";
    return { problem: { line: 1, message } };
  }
}

type Node = { range?: [number, number, number] | null };

/** The first node deeper than the limit, walking without recursion so that depth itself cannot hurt. */
function deepestNode(root: unknown): Node | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      if (depth + 1 > yamlLimits.depth) return node as Node;
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    } else if (isPair(node)) {
      stack.push({ node: node.key, depth }, { node: node.value, depth });
    } else if (isScalar(node) || isAlias(node)) {
      continue;
    }
  }
  return undefined;
}
