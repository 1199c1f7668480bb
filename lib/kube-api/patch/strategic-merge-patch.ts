import { badRequest } from "../kube-status";
import { isJsonObject, ownValue, setOwnValue, type JsonObject } from "./json-object";

/**
 * How the list at a JSON path merges: by the value of the returned key in each element, as a set of scalars
 * when it returns "", or — undefined — not at all: the patch's list replaces it. Paths join field names with "."
 * and step into a list's elements with "[]": `spec.template.spec.containers[].env`.
 */
export type MergeKeyLookup = (path: string) => string | undefined;

const patchDirective = "$patch";
const retainKeysDirective = "$retainKeys";
const setElementOrderPrefix = "$setElementOrder";
const deleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList";

/**
 * Applies a Kubernetes strategic merge patch (`application/strategic-merge-patch+json`), as the API server's
 * k8s.io/apimachinery/pkg/util/strategicpatch does, to a copy of `current`: maps merge recursively and `null`
 * deletes a key; lists with a merge key merge element by element, other lists are replaced. It honours the
 * directives kubectl sends — `$patch: replace | delete | merge` in maps and list elements, `$retainKeys`,
 * `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>` — and orders merged lists as the server does:
 * `$setElementOrder` first, then the patch's order, with elements only the server has kept where they were.
 */
export function strategicMergePatch(current: JsonObject, patch: unknown, mergeKeyOf: MergeKeyLookup): JsonObject {
  if (!isJsonObject(patch))
    throw badRequest('a strategic merge patch must be a JSON object, such as {"spec":{"replicas":3}}');
  return mergeMap(structuredClone(current), patch, "", mergeKeyOf);
}

const badPatch = (detail: string) => badRequest(`invalid strategic merge patch: ${detail}`);
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const isDirectiveKey = (key: string) =>
  key === patchDirective ||
  key === retainKeysDirective ||
  key.startsWith(setElementOrderPrefix) ||
  key.startsWith(deleteFromPrimitiveListPrefix);

/** The list field a `$setElementOrder/<field>` or `$deleteFromPrimitiveList/<field>` key names. */
function directiveField(key: string, prefix: string): string | undefined {
  if (!key.startsWith(prefix)) return undefined;
  const field = key.slice(prefix.length + 1);
  if (key[prefix.length] !== "/" || field === "")
    throw badPatch(`${JSON.stringify(key)} must name a list: ${prefix}/<field>`);
  return field;
}

function mergeMap(original: JsonObject, patch: JsonObject, path: string, mergeKeyOf: MergeKeyLookup): JsonObject {
  const directive = ownValue(patch, patchDirective);
  if (directive === "replace") return newContent(withoutKey(patch, patchDirective)) as JsonObject;
  if (directive === "delete") return {};
  // The server rejects "merge" here (its docs keep it for struct tags); it asks for what a map does anyway.
  if (directive !== undefined && directive !== "merge")
    throw badPatch(`unknown patch type ${JSON.stringify(directive)} in ${path || "the object"}`);

  if (Object.hasOwn(patch, retainKeysDirective)) retainKeys(original, patch, path);

  // Lists with a $setElementOrder are merged and ordered together first; their deletions still apply after.
  const ordered = new Set<string>();
  for (const [key, order] of Object.entries(patch)) {
    const field = directiveField(key, setElementOrderPrefix);
    if (field !== undefined && mergeOrderedList(original, patch, field, order, path, mergeKeyOf)) ordered.add(field);
  }
  for (const [key, value] of Object.entries(patch)) {
    if (!isDirectiveKey(key) && !ordered.has(key)) mergeField(original, key, value, path, mergeKeyOf);
  }
  for (const [key, toDelete] of Object.entries(patch)) {
    const field = directiveField(key, deleteFromPrimitiveListPrefix);
    if (field === undefined) continue;
    if (!Array.isArray(toDelete)) throw badPatch(`${key} must be a list`);
    const list = ownValue(original, field);
    const deleted = new Set(toDelete);
    if (Array.isArray(list))
      setOwnValue(
        original,
        field,
        list.filter((v) => !deleted.has(v)),
      );
  }
  return original;
}

function mergeField(original: JsonObject, key: string, value: unknown, path: string, mergeKeyOf: MergeKeyLookup): void {
  if (value === null) {
    delete original[key];
    return;
  }
  const existing = ownValue(original, key);
  const fieldPath = join(path, key);
  if (isJsonObject(existing) && isJsonObject(value)) {
    setOwnValue(original, key, mergeMap(existing, value, fieldPath, mergeKeyOf));
    return;
  }
  const mergeKey = mergeKeyOf(fieldPath);
  if (Array.isArray(existing) && Array.isArray(value) && mergeKey !== undefined) {
    setOwnValue(original, key, mergeList(existing, value, mergeKey, fieldPath, mergeKeyOf));
    return;
  }
  const replacement = newContent(value);
  if (replacement === undefined) delete original[key];
  else setOwnValue(original, key, replacement);
}

/**
 * A value the patch puts where nothing merges with it, as the server keeps it: without `null` members and
 * directives, and without maps or list elements that carry a `$patch` (undefined: drop the field).
 */
function newContent(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(newContent).filter((v) => v !== undefined);
  if (!isJsonObject(value)) return value;
  if (Object.hasOwn(value, patchDirective)) return undefined;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || isDirectiveKey(k)) continue;
    const content = newContent(v);
    if (content !== undefined) setOwnValue(out, k, content);
  }
  return out;
}

function withoutKey(o: JsonObject, key: string): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(o)) if (k !== key) setOwnValue(out, k, v);
  return out;
}

/** `$retainKeys`: the map keeps only the listed keys (kubectl sends it for `spec.strategy` and volumes). */
function retainKeys(original: JsonObject, patch: JsonObject, path: string): void {
  const keep = ownValue(patch, retainKeysDirective);
  if (!Array.isArray(keep)) throw badPatch(`$retainKeys in ${path || "the object"} must be a list of field names`);
  const kept = new Set(keep);
  for (const [k, v] of Object.entries(patch)) {
    if (v !== null && !isDirectiveKey(k) && !kept.has(k))
      throw badPatch(`${join(path, k)} is set but the $retainKeys list of ${path || "the object"} does not keep it`);
  }
  for (const k of Object.keys(original)) if (!kept.has(k)) delete original[k];
}

/** The value a list element is merged and ordered by: the element itself in a list of scalars. */
function keyValue(element: unknown, mergeKey: string): unknown {
  if (mergeKey === "") return element;
  return isJsonObject(element) ? ownValue(element, mergeKey) : undefined;
}

function requireKey(element: unknown, mergeKey: string, path: string): string | number | boolean {
  if (!isJsonObject(element)) throw badPatch(`the elements of ${path} must be objects`);
  const value = ownValue(element, mergeKey);
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
    throw badPatch(
      `an element of ${path} does not contain its merge key ${mergeKey}: ${JSON.stringify(element).slice(0, 200)}`,
    );
  }
  return value;
}

function mergeList(
  original: unknown[],
  patch: unknown[],
  mergeKey: string,
  path: string,
  mergeKeyOf: MergeKeyLookup,
): unknown[] {
  if (mergeKey === "") {
    if ([...original, ...patch].some((v) => typeof v === "object" && v !== null))
      throw badPatch(`${path} is a list of scalars`);
    return orderLike([...new Set([...original, ...patch])], patch, original, "");
  }
  const items: JsonObject[] = [];
  const deleted = new Set<unknown>();
  let replace = false;
  for (const element of patch) {
    if (!isJsonObject(element)) throw badPatch(`the elements of ${path} must be objects`);
    const directive = ownValue(element, patchDirective);
    if (directive === undefined) items.push(element);
    else if (directive === "delete") deleted.add(requireKey(element, mergeKey, path));
    else if (directive === "replace") replace = true;
    // An element may ask to be merged, which it would be anyway; a bare {"$patch":"merge"} says so of the list.
    else if (directive === "merge") {
      if (Object.keys(element).length > 1) items.push(withoutKey(element, patchDirective));
    } else throw badPatch(`unknown patch type ${JSON.stringify(directive)} in ${path}`);
  }
  if (replace) return items.map(newContent);

  const remaining = original.filter((e) => !deleted.has(keyValue(e, mergeKey)));
  const merged = [...remaining];
  const positions = positionsOf(merged, mergeKey);
  for (const item of items) {
    const value = requireKey(item, mergeKey, path);
    const at = positions.get(value);
    const match = at === undefined ? undefined : merged[at];
    if (at !== undefined && isJsonObject(match)) merged[at] = mergeMap(match, item, `${path}[]`, mergeKeyOf);
    else {
      positions.set(value, merged.length);
      merged.push(newContent(item));
    }
  }
  return orderLike(merged, items, remaining, mergeKey);
}

/** Where each merge key value first appears in the list (maps keep this linear on long lists). */
function positionsOf(list: unknown[], mergeKey: string): Map<unknown, number> {
  const positions = new Map<unknown, number>();
  list.forEach((element, i) => {
    const value = keyValue(element, mergeKey);
    if (value !== undefined && !positions.has(value)) positions.set(value, i);
  });
  return positions;
}

/**
 * Merges the list `field` and its `$setElementOrder/field` together, as kubectl's 3-way patches expect; false
 * when the field does not merge (its list is then replaced like any other).
 */
function mergeOrderedList(
  original: JsonObject,
  patch: JsonObject,
  field: string,
  order: unknown,
  path: string,
  mergeKeyOf: MergeKeyLookup,
): boolean {
  const fieldPath = join(path, field);
  if (!Array.isArray(order)) throw badPatch(`$setElementOrder/${field} must be a list`);
  const mergeKey = mergeKeyOf(fieldPath);
  if (mergeKey === undefined) return false;
  const existing = ownValue(original, field);
  const list = Array.isArray(existing) ? existing : undefined;
  const patched = ownValue(patch, field);
  if (patched !== undefined && !Array.isArray(patched))
    throw badPatch(`${fieldPath} must be a list, as its $setElementOrder is`);
  if (patched) checkOrder(patched, order, mergeKey, fieldPath);

  const merged =
    list && patched
      ? mergeList(list, patched, mergeKey, fieldPath, mergeKeyOf)
      : (list ?? (patched ? (newContent(patched) as unknown[]) : undefined));
  if (merged) setOwnValue(original, field, orderLike(merged, order, list ?? [], mergeKey));
  return true;
}

/** The patch's elements must come in the order `$setElementOrder` gives (elements that are directives aside). */
function checkOrder(patched: unknown[], order: unknown[], mergeKey: string, path: string): void {
  let at = 0;
  for (const element of patched) {
    if (isJsonObject(element) && Object.hasOwn(element, patchDirective)) continue;
    const value = keyValue(element, mergeKey);
    if (value === undefined) continue;
    while (at < order.length && keyValue(order[at], mergeKey) !== value) at++;
    if (at === order.length)
      throw badPatch(`the order of ${path} in the patch doesn't match its $setElementOrder list`);
    at++;
  }
}

/**
 * Orders a merged list as the server does: the elements `patchOrder` names in its order, and the others (only
 * on the server) in their `serverOrder` order, each placed before the first patch element that came after it
 * on the server.
 */
function orderLike(merged: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string): unknown[] {
  const inPatch = positionsOf(patchOrder, mergeKey);
  const onServer = positionsOf(serverOrder, mergeKey);
  const at = (positions: Map<unknown, number>, element: unknown) => positions.get(keyValue(element, mergeKey));
  const by = (positions: Map<unknown, number>) => (a: unknown, b: unknown) =>
    (at(positions, a) ?? unlisted) - (at(positions, b) ?? unlisted);
  const fromPatch = merged.filter((e) => at(inPatch, e) !== undefined).sort(by(inPatch));
  const serverOnly = merged.filter((e) => at(inPatch, e) === undefined).sort(by(onServer));

  const out: unknown[] = [];
  let s = 0;
  let p = 0;
  while (s < serverOnly.length || p < fromPatch.length) {
    const serverAt = at(onServer, serverOnly[s]);
    const patchAt = at(onServer, fromPatch[p]);
    const takeServer =
      p >= fromPatch.length ||
      (s < serverOnly.length && serverAt !== undefined && patchAt !== undefined && serverAt < patchAt);
    out.push(takeServer ? serverOnly[s++] : fromPatch[p++]);
  }
  return out;
}

/** Sorts elements missing from an order list (possible only without a merge key) after the listed ones. */
const unlisted = Number.MAX_SAFE_INTEGER;
