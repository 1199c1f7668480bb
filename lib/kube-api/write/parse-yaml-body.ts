import { CST, Composer, Lexer, Parser } from "yaml";
import { badRequest, requestEntityTooLarge } from "../kube-status";
import { maxNestingDepth, maxYamlTokens } from "./body-limits";

const tooDeep = () =>
  badRequest(
    `the body is not valid YAML here: it nests mappings and sequences deeper than ${maxNestingDepth} levels; this API reads at most ${maxNestingDepth}, more than any Kubernetes object needs`,
  );

/**
 * A YAML body (one document) as the object it holds, bounded before the library's recursive composer sees
 * it: the lexer's tokens are counted (413 past maxYamlTokens), and so is nesting, on the parser's own stack as the tokens come (a body of 100,000 `[` is refused after
 * about 100 of them, where the composer's recursion would exhaust the stack — and V8 may then abort the whole
 * process rather than throw), aliases are refused (no alias bombs), and the syntax tree, built without
 * recursion, is measured for depth again before it is composed.
 */
export function parseYamlBody(text: string): unknown {
  const parser = new Parser();
  const tree: CST.Token[] = [];
  let tokens = 0;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    if (++tokens > maxYamlTokens) {
      throw requestEntityTooLarge(
        `the YAML body is too large to read: it holds more than ${maxYamlTokens} tokens (some 100 KiB of a manifest). Send it as JSON, which is read up to the 3 MiB limit (kubectl does).`,
      );
    }
    // The token after a scalar marker is the scalar's own text, whatever characters it starts with.
    const type: string | null = scalarNext ? "scalar-text" : CST.tokenType(token);
    scalarNext = type === "scalar";
    if (type === "alias")
      throw badRequest(
        "the body is not valid YAML here: it uses an alias (*name); this API does not expand aliases: write the value out in full",
      );
    for (const node of parser.next(token)) tree.push(node);
    // The parser's stack holds the document and each collection open at this token (block ones included).
    if (parser.stack.length > maxNestingDepth + 2) throw tooDeep();
  }
  for (const node of parser.end()) tree.push(node);
  if (treeDepth(tree) > maxNestingDepth) throw tooDeep();

  const documents = [...new Composer({ prettyErrors: false, uniqueKeys: true }).compose(tree, true, text.length)];
  if (documents.length > 1)
    throw badRequest(
      "the body is not valid YAML here: it holds more than one document (---); send one object per request",
    );
  const document = documents[0];
  if (!document) return null;
  const error = document.errors[0];
  if (error) throw badRequest(`the body is not valid YAML: ${error.message.split("\n")[0]}`);
  try {
    return document.toJS({ maxAliasCount: 0 });
  } catch (e) {
    throw badRequest(`the body is not valid YAML: ${e instanceof Error ? e.message.split("\n")[0] : "unreadable"}`);
  }
}

/** How deep collections nest in the syntax tree, walked with a stack of its own. */
function treeDepth(tree: readonly CST.Token[]): number {
  let deepest = 0;
  const stack: [CST.Token | undefined, number][] = tree.map((t) => [t, 0]);
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [token, depth] = entry;
    if (!token) continue;
    switch (token.type) {
      case "document":
        stack.push([token.value, depth]);
        break;
      case "block-map":
      case "block-seq":
      case "flow-collection":
        deepest = Math.max(deepest, depth + 1);
        if (deepest > maxNestingDepth) return deepest;
        for (const item of token.items) {
          if ("key" in item) stack.push([item.key ?? undefined, depth + 1]);
          stack.push([item.value, depth + 1]);
        }
        break;
    }
  }
  return deepest;
}
