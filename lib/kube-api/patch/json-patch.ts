import { badRequest, invalid, requestEntityTooLarge } from "../kube-status";
import { isJsonObject, jsonEqual, ownValue, setOwnValue, type JsonObject } from "./json-object";

/** The API server's limits: at most 10,000 operations, and 3 MiB copied by `copy` operations in one patch. */
export const maxJsonPatchOperations = 10_000;
const maxJsonPatchCopyBytes = 3 * 1024 * 1024;

type Fail = (detail: string) => Error;
type State = { document: unknown; copiedBytes: number };

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
    throw badRequest('a JSON patch must be a list of operations, such as [{"op":"replace","path":"/spec/replicas","value":3}]');
  }
  if (operations.length > maxJsonPatchOperations) {
    throw requestEntityTooLarge(`The allowed maximum operations in a JSON patch is ${maxJsonPatchOperations}, got ${operations.length}`);
  }
  const state: State = { document: structuredClone(current), copiedBytes: 0 };
  operations.forEach((operation, i) => apply(state, operation, i + 1));
  if (!isJsonObject(state.document)) throw invalid("the JSON patch replaced the object with something that is not a JSON object");
  return state.document;
}

function apply(state: State, operation: JsonObject, n: number): void {
  const op = ownValue(operation, "op");
  const path = ownValue(operation, "path");
  const fail: Fail = (detail) => invalid(`JSON patch operation ${n} (${typeof op === "string" ? op : "?"} ${typeof path === "string" ? path : "?"}): ${detail}`);
  const pointer = (field: "path" | "from") => parsePointer(ownValue(operation, field), field, fail);
  const value = () => structuredClone(ownValue(operation, "value") ?? null);
  switch (op) {
    case "add":
      state.document = add(state.document, pointer("path"), value(), fail);
      return;
    case "remove":
      remove(state.document, pointer("path"), fail);
      return;
    case "replace":
      state.document = replace(state.document, pointer("path"), value(), fail);
      return;
    case "move": {
      const from = pointer("from");
      const to = pointer("path");
      if (from.length < to.length && from.every((t, i) => t === to[i])) throw fail("a value cannot be moved into one of its own children");
      const moved = get(state.document, from, fail);
      remove(state.document, from, fail);
      state.document = add(state.document, to, moved, fail);
      return;
    }
    case "copy": {
      const copied = get(state.document, pointer("from"), fail);
      state.copiedBytes += JSON.stringify(copied).length;
      if (state.copiedBytes > maxJsonPatchCopyBytes) throw fail(`the copies in this patch add up to more than ${maxJsonPatchCopyBytes} bytes`);
      state.document = add(state.document, pointer("path"), structuredClone(copied), fail);
      return;
    }
    case "test": {
      const tokens = pointer("path");
      const expected = value();
      if (expected === null && tokens.length > 0) {
        const { parent, key } = locate(state.document, tokens, fail);
        if (isJsonObject(parent) && !Object.hasOwn(parent, key)) return;
      }
      const actual = get(state.document, tokens, fail);
      if (!jsonEqual(actual, expected)) throw fail(`test failed: the value is ${shown(actual)}, not ${shown(expected)}`);
      return;
    }
    default:
      throw fail(`unknown operation ${shown(op)}: the operations are add, remove, replace, move, copy and test`);
  }
}

function parsePointer(pointer: unknown, field: string, fail: Fail): string[] {
  if (pointer === "") return [];
  if (typeof pointer !== "string" || !pointer.startsWith("/")) throw fail(`"${field}" must be a JSON pointer, such as "/spec/replicas"`);
  const tokens = pointer.slice(1).split("/").map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
  if (tokens.includes("__proto__")) throw fail('"__proto__" is not a field of any Kubernetes object');
  return tokens;
}

/** The list or object that holds the last token; it must exist. */
function locate(document: unknown, tokens: string[], fail: Fail): { parent: JsonObject | unknown[]; key: string } {
  const parent = get(document, tokens.slice(0, -1), fail);
  if (!Array.isArray(parent) && !isJsonObject(parent)) throw fail("the path does not exist");
  return { parent, key: tokens[tokens.length - 1] ?? "" };
}

function get(document: unknown, tokens: string[], fail: Fail): unknown {
  let at = document;
  for (const token of tokens) {
    if (Array.isArray(at)) at = at[listIndex(token, at.length, fail)];
    else if (isJsonObject(at) && Object.hasOwn(at, token)) at = at[token];
    else throw fail("the path does not exist");
  }
  return at;
}

function add(document: unknown, tokens: string[], value: unknown, fail: Fail): unknown {
  if (tokens.length === 0) return value;
  const { parent, key } = locate(document, tokens, fail);
  if (!Array.isArray(parent)) setOwnValue(parent, key, value);
  else if (key === "-") parent.push(value);
  else parent.splice(listIndex(key, parent.length + 1, fail), 0, value);
  return document;
}

function replace(document: unknown, tokens: string[], value: unknown, fail: Fail): unknown {
  if (tokens.length === 0) return value;
  const { parent, key } = locate(document, tokens, fail);
  if (Array.isArray(parent)) parent[listIndex(key, parent.length, fail)] = value;
  else setOwnValue(parent, key, value);
  return document;
}

function remove(document: unknown, tokens: string[], fail: Fail): void {
  if (tokens.length === 0) throw fail("the whole object cannot be removed");
  const { parent, key } = locate(document, tokens, fail);
  if (Array.isArray(parent)) parent.splice(listIndex(key, parent.length, fail), 1);
  else if (Object.hasOwn(parent, key)) delete parent[key];
  else throw fail("the path does not exist");
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
