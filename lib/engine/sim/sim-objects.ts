import type { SimObject } from "./types";

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type KindTable = {
  /** Keyed by `namespace \0 name`. */
  byName: Map<string, SimObject>;
  /** The keys ordered by namespace, then name; built when first asked for, dropped when one is added or removed. */
  sorted: string[] | null;
};

/**
 * A cluster's objects in memory, one table per kind, so that what a kind costs to read does not depend on how
 * many objects of other kinds there are (listing ConfigMaps does not walk 2,000 pods).
 *
 * Copy-on-write per kind: `fork()` is O(number of kinds) and shares every table; a table is copied the first
 * time either side writes to it. A committed state held by the process's cache is forked for each change, so
 * a ConfigMap write copies the ConfigMap table only. Objects themselves are never changed in place (a change
 * replaces the value), so sharing them is safe.
 */
export class SimObjects {
  private constructor(
    private readonly kinds: Map<string, KindTable>,
    /** Kinds whose table this instance owns (may write without copying). */
    private readonly owned: Set<string>,
    private count: number,
  ) {}

  static from(objects: Iterable<SimObject>): SimObjects {
    const store = new SimObjects(new Map(), new Set(), 0);
    for (const o of objects) store.set(o);
    return store;
  }

  fork(): SimObjects {
    // The source gives up ownership too: from now on both share every table until one of them writes.
    this.owned.clear();
    return new SimObjects(new Map(this.kinds), new Set(), this.count);
  }

  get size(): number {
    return this.count;
  }

  get(kind: string, namespace: string, name: string): SimObject | undefined {
    return this.kinds.get(kind)?.byName.get(nameKey(namespace, name));
  }

  /** Adds or replaces the object under its kind, namespace and name. */
  set(object: SimObject): void {
    const table = this.writable(object.kind);
    const key = nameKey(object.namespace, object.name);
    if (!table.byName.has(key)) {
      table.sorted = null;
      this.count += 1;
    }
    table.byName.set(key, object);
  }

  delete(kind: string, namespace: string, name: string): boolean {
    if (!this.kinds.get(kind)?.byName.has(nameKey(namespace, name))) return false;
    const table = this.writable(kind);
    table.byName.delete(nameKey(namespace, name));
    table.sorted = null;
    this.count -= 1;
    return true;
  }

  /** One kind's objects ordered by namespace, then name (shared: read it, never change it). */
  ofKind(kind: string): readonly SimObject[] {
    const table = this.kinds.get(kind);
    if (!table) return [];
    // Sorting a shared table's keys is safe: the order is the same for every holder of the table. A key's
    // namespace sorts before its name because the separator sorts before every character of a name.
    table.sorted ??= [...table.byName.keys()].sort(byText);
    return table.sorted.map((key) => table.byName.get(key)!);
  }

  countOf(kind: string): number {
    return this.kinds.get(kind)?.byName.size ?? 0;
  }

  kindNames(): string[] {
    return [...this.kinds.keys()].filter((k) => this.countOf(k) > 0).sort(byText);
  }

  *values(): IterableIterator<SimObject> {
    for (const table of this.kinds.values()) yield* table.byName.values();
  }

  private writable(kind: string): KindTable {
    const table = this.kinds.get(kind);
    if (table && this.owned.has(kind)) return table;
    const copy: KindTable = { byName: new Map(table?.byName), sorted: table?.sorted ? [...table.sorted] : null };
    this.kinds.set(kind, copy);
    this.owned.add(kind);
    return copy;
  }
}

const nameKey = (namespace: string, name: string) => `${namespace}\u0000${name}`;
