import { badRequest, invalid, requestEntityTooLarge } from "../kube-status";
import { maxNestingDepth } from "../write/body-limits";
import { isJsonObject, jsonEqual, ownValue, setOwnValue, type JsonObject } from "./json-object";
import { nestingDepth } from "./nesting-depth";

/** The API server's limits: at most 10,000 operations, and 3 MiB copied by `copy` operations in one patch. */
export const maxJsonPatchOperations = 10_000;
const maxJsonPatchCopyBytes = 3 * 1024 * 1024;
/**
 * Ours: how many list elements insertions and removals may move in all, some 100 ms of work — 10,000
 * insertions at the head of a 200,000-element list would otherwise hold the process for seconds.
 */
const maxJsonPatchWork = 5_000_000;

type Fail = (detail: string) => Error;
/** `depth` bounds how deep the document nests (nestingDepth), kept without walking it after each operation. */
type State = { document: unknown; copiedBytes: number; depth: number; work: number; fail: Fail };

/**
 * Applies an RFC 6902 JSON patch (`application/json-patch+json`, as `kubectl patch --type=json` sends): add,
 * remove, replace, move, copy and test operations applied in order, all or nothing. A body that is not a list of
 * operations is 400; an operation that cannot be applied (a failed `test`, a path that does not exist) is 422
 * Invalid. Where the API server's JSON patch library (evanphx/json-patch v4) is more lenient than the RFC, this is
 * too, so that what a real cluster accepts works here: `replace` of a missing object member adds it, negative
 * list indexes count from the end, a missing `value` is null, and testing a missing member against null passes.
 */
export function jsonPatch(current: JsonObject, operations: unknown): JsonObject {
  if (!Array.isArray(operations) || !operations.every(isJsonObject)) {
    throw badRequest(
      'a JSON patch must be a list of operations, such as [{"op":"replace","path":"/spec/replicas","value":3}]',
    );
  }
  if (operations.length > maxJsonPatchOperations) {
    throw requestEntityTooLarge(
      `The allowed maximum operations in a JSON patch is ${maxJsonPatchOperations}, got ${operations.length}`,
    );
  }
  const state: State = {
    document: structuredClone(current),
    copiedBytes: 0,
    depth: nestingDepth(current),
    work: 0,
    fail: invalid,
  };
  operations.forEach((operation, i) => apply(state, operation, i + 1));
  if (!isJsonObject(state.document))
    throw invalid("the JSON patch replaced the object with something that is not a JSON object");
  return state.document;
}

function apply(state: State, operation: JsonObject, n: number): void {
  const op = ownValue(operation, "op");
  const path = ownValue(operation, "path");
  const named = typeof path === "string" ? (path.length > 120 ? `${path.slice(0, 120)}…` : path) : "?";
  const fail: Fail = (detail) =>
    invalid(`JSON patch operation ${n} (${typeof op === "string" ? op.slice(0, 20) : "?"} ${named}): ${detail}`);
  state.fail = fail;
  const pointer = (field: "path" | "from") => parsePointer(ownValue(operation, field), field, fail);
  const value = () => structuredClone(ownValue(operation, "value") ?? null);
  // A value placed at a path nests as deep as the path plus its own depth; past the limit, the patch is refused
  // before recursive code (validation, rendering, the next patch) meets the result.
  const deepens = (to: string[], depth: number) => {
    state.depth = Math.max(state.depth, to.length + depth);
    if (state.depth > maxNestingDepth)
      throw fail(
        `the patch would nest the object deeper than ${maxNestingDepth} levels, more than any Kubernetes object needs`,
      );
  };
  switch (op) {
    case "add":
    case "replace": {
      const to = pointer("path");
      const added = value();
      deepens(to, nestingDepth(added));
      state.document = (op === "add" ? add : replace)(state, to, added);
      return;
    }
    case "remove":
      remove(state, pointer("path"));
      return;
    case "move": {
      const from = pointer("from");
      const to = pointer("path");
      if (from.length < to.length && from.every((t, i) => t === to[i]))
        throw fail("a value cannot be moved into one of its own children");
      // What sits `from.length` levels down nests at most `depth - from.length` levels itself.
      deepens(to, state.depth - from.length);
      const moved = get(state, from);
      remove(state, from);
      state.document = add(state, to, moved);
      return;
    }
    case "copy": {
      const copied = get(state, pointer("from"));
      state.copiedBytes += JSON.stringify(copied).length;
      if (state.copiedBytes > maxJsonPatchCopyBytes)
        throw fail(`the copies in this patch add up to more than ${maxJsonPatchCopyBytes} bytes`);
      const to = pointer("path");
      deepens(to, nestingDepth(copied));
      state.document = add(state, to, structuredClone(copied));
      return;
    }
    case "test": {
      const tokens = pointer("path");
      const expected = value();
      if (expected === null && tokens.length > 0) {
        const { parent, key } = locate(state, tokens);
        if (isJsonObject(parent) && !Object.hasOwn(parent, key)) return;
      }
      const actual = get(state, tokens);
      // A test that passes compares no more than its own value holds, so tests need no budget of their own.
      if (!jsonEqual(actual, expected))
        throw fail(`test failed: the value is ${shown(actual)}, not ${shown(expected)}`);
      return;
    }
    default:
      throw fail(`unknown operation ${shown(op)}: the operations are add, remove, replace, move, copy and test`);
  }
}

function parsePointer(pointer: unknown, field: string, fail: Fail): string[] {
  if (pointer === "") return [];
  if (typeof pointer !== "string" || !pointer.startsWith("/"))
    throw fail(`"${field}" must be a JSON pointer, such as "/spec/replicas"`);
  const tokens = pointer
    .slice(1)
    .split("/", maxNestingDepth + 1)
    .map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
  if (tokens.length > maxNestingDepth)
    throw fail(`"${field}" is more than ${maxNestingDepth} levels deep, deeper than any object here nests`);
  if (tokens.includes("__proto__")) throw fail('"__proto__" is not a field of any Kubernetes object');
  return tokens;
}

/** Counts work against maxJsonPatchWork. */
function spend(state: State, units: number): void {
  state.work += units;
  if (state.work > maxJsonPatchWork) {
    throw state.fail(
      `the operations move more than ${maxJsonPatchWork} list elements in all: split the patch, or send the whole object with PUT`,
    );
  }
}

/** The list or object that holds the last token; it must exist. */
function locate(state: State, tokens: string[]): { parent: JsonObject | unknown[]; key: string } {
  const parent = get(state, tokens.slice(0, -1));
  if (!Array.isArray(parent) && !isJsonObject(parent)) throw state.fail("the path does not exist");
  return { parent, key: tokens[tokens.length - 1] ?? "" };
}

function get(state: State, tokens: string[]): unknown {
  let at = state.document;
  for (const token of tokens) {
    if (Array.isArray(at)) at = at[listIndex(token, at.length, state.fail)];
    else if (isJsonObject(at) && Object.hasOwn(at, token)) at = at[token];
    else throw state.fail("the path does not exist");
  }
  return at;
}

function add(state: State, tokens: string[], value: unknown): unknown {
  if (tokens.length === 0) return value;
  const { parent, key } = locate(state, tokens);
  if (!Array.isArray(parent)) setOwnValue(parent, key, value);
  else if (key === "-") parent.push(value);
  else {
    spend(state, parent.length); // an insertion moves the elements after it
    parent.splice(listIndex(key, parent.length + 1, state.fail), 0, value);
  }
  return state.document;
}

function replace(state: State, tokens: string[], value: unknown): unknown {
  if (tokens.length === 0) return value;
  const { parent, key } = locate(state, tokens);
  if (Array.isArray(parent)) parent[listIndex(key, parent.length, state.fail)] = value;
  else setOwnValue(parent, key, value);
  return state.document;
}

function remove(state: State, tokens: string[]): void {
  if (tokens.length === 0) throw state.fail("the whole object cannot be removed");
  const { parent, key } = locate(state, tokens);
  if (Array.isArray(parent)) {
    spend(state, parent.length);
    parent.splice(listIndex(key, parent.length, state.fail), 1);
  } else if (Object.hasOwn(parent, key)) delete parent[key];
  else throw state.fail("the path does not exist");
}

/** A list index below `size`, as Go's strconv.Atoi reads it; a negative one counts back from `size`. */
function listIndex(token: string, size: number, fail: Fail): number {
  if (!/^[+-]?[0-9]{1,9}$/.test(token)) throw fail(`${JSON.stringify(token)} is not an index into a list`);
  const index = Number(token);
  if (index >= size || index < -size) throw fail(`index ${index} is outside the list`);
  return index < 0 ? index + size : index;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? "nothing";
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
