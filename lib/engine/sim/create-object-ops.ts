import { stableJson } from "@/lib/stable-json";
import { objectKey, type SimModel } from "./sim-model";
import type { ApplyResult, JsonObject, SimObject } from "./types";

export type ObjectRef = { kind: string; namespace?: string; name: string };

export type ObjectOps = {
  /**
   * Upsert by (kind, namespace, name), like `kubectl apply`: "created" when new, "configured" when the spec
   * (or the given status) changed, "unchanged" — and nothing written — otherwise. An omitted status keeps the
   * stored one (status belongs to controllers, see setStatus).
   */
  apply<Spec = JsonObject, Status = JsonObject>(
    input: ObjectRef & { spec?: Spec; status?: Status },
  ): { object: SimObject<Spec, Status>; result: ApplyResult };
  /** Replaces the status; writes only when it changes. Returns false when the object does not exist. */
  setStatus<Status = JsonObject>(ref: ObjectRef, status: Status): boolean;
  get<Spec = JsonObject, Status = JsonObject>(ref: ObjectRef): SimObject<Spec, Status> | undefined;
  /** One kind, optionally in one namespace; ordered by namespace, then name. */
  list<Spec = JsonObject, Status = JsonObject>(kind: string, namespace?: string): SimObject<Spec, Status>[];
  /** Every object of the environment, ordered by kind, namespace, name. */
  listAll(): SimObject[];
  /** How many objects of a kind there are (nothing copied). */
  count(kind: string): number;
  /** How many objects pass `test` (nothing copied: `test` must not keep or change what it is given). */
  tally(test: (o: Readonly<SimObject>) => boolean): number;
  /** True when something was deleted. */
  delete(ref: ObjectRef): boolean;
  /** Deletes every object of the environment; returns how many. */
  deleteAll(): number;
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Object operations over the in-memory model; values handed out are copies, so callers cannot edit it behind its back. */
export function createObjectOps(model: SimModel, now: Date): ObjectOps {
  const at = now.toISOString();
  const { objects, changes } = model;
  const copy = <Spec, Status>(o: SimObject): SimObject<Spec, Status> =>
    structuredClone(o) as unknown as SimObject<Spec, Status>;
  const keyOf = (ref: ObjectRef) => objectKey(ref.kind, ref.namespace ?? "", ref.name);
  const touch = (key: string, object: SimObject) => {
    objects.set(key, object);
    changes.touchedObjects.add(key);
    changes.deletedObjects.delete(key);
  };

  return {
    apply<Spec = JsonObject, Status = JsonObject>(input: ObjectRef & { spec?: Spec; status?: Status }) {
      const key = keyOf(input);
      const spec = (input.spec ?? {}) as JsonObject;
      const existing = objects.get(key);
      if (!existing) {
        const object: SimObject = {
          kind: input.kind,
          namespace: input.namespace ?? "",
          name: input.name,
          spec: structuredClone(spec),
          status: structuredClone((input.status ?? {}) as JsonObject),
          createdAt: at,
          updatedAt: at,
        };
        touch(key, object);
        return { object: copy<Spec, Status>(object), result: "created" as const };
      }
      const status = input.status === undefined ? existing.status : (input.status as JsonObject);
      if (stableJson(existing.spec) === stableJson(spec) && stableJson(existing.status) === stableJson(status)) {
        return { object: copy<Spec, Status>(existing), result: "unchanged" as const };
      }
      const object = { ...existing, spec: structuredClone(spec), status: structuredClone(status), updatedAt: at };
      touch(key, object);
      return { object: copy<Spec, Status>(object), result: "configured" as const };
    },
    setStatus(ref, status) {
      const key = keyOf(ref);
      const existing = objects.get(key);
      if (!existing) return false;
      if (stableJson(existing.status) !== stableJson(status)) {
        touch(key, { ...existing, status: structuredClone(status as JsonObject), updatedAt: at });
      }
      return true;
    },
    get<Spec = JsonObject, Status = JsonObject>(ref: ObjectRef) {
      const found = objects.get(keyOf(ref));
      return found ? copy<Spec, Status>(found) : undefined;
    },
    list<Spec = JsonObject, Status = JsonObject>(kind: string, namespace?: string) {
      return [...objects.values()]
        .filter((o) => o.kind === kind && (namespace === undefined || o.namespace === namespace))
        .sort((a, b) => byText(a.namespace, b.namespace) || byText(a.name, b.name))
        .map((o) => copy<Spec, Status>(o));
    },
    count(kind) {
      let n = 0;
      for (const o of objects.values()) if (o.kind === kind) n += 1;
      return n;
    },
    tally(test) {
      let n = 0;
      for (const o of objects.values()) if (test(o)) n += 1;
      return n;
    },
    listAll() {
      return [...objects.values()]
        .sort((a, b) => byText(a.kind, b.kind) || byText(a.namespace, b.namespace) || byText(a.name, b.name))
        .map((o) => copy<JsonObject, JsonObject>(o));
    },
    delete(ref) {
      const key = keyOf(ref);
      if (!objects.delete(key)) return false;
      changes.touchedObjects.delete(key);
      if (model.loadedObjects.has(key)) changes.deletedObjects.add(key);
      return true;
    },
    deleteAll() {
      const count = objects.size;
      for (const key of [...objects.keys()]) {
        objects.delete(key);
        changes.touchedObjects.delete(key);
        if (model.loadedObjects.has(key)) changes.deletedObjects.add(key);
      }
      return count;
    },
  };
}
