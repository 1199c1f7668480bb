import { stableJson } from "@/lib/stable-json";
import { markStale, objectKey, type SimModel } from "./sim-model";
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

/** Object operations over the in-memory model; values handed out are copies, so callers cannot edit it behind its back. */
export function createObjectOps(model: SimModel, now: Date): ObjectOps {
  const at = now.toISOString();
  const { objects, changes } = model;
  const copy = <Spec, Status>(o: SimObject): SimObject<Spec, Status> =>
    structuredClone(o) as unknown as SimObject<Spec, Status>;
  const stored = (ref: ObjectRef) => objects.get(ref.kind, ref.namespace ?? "", ref.name);
  const touch = (object: SimObject) => {
    const key = objectKey(object.kind, object.namespace, object.name);
    objects.set(object);
    changes.touchedObjects.add(key);
    changes.deletedObjects.delete(key);
    markStale(model, object.kind, model.reconciling);
  };
  const remove = (kind: string, namespace: string, name: string) => {
    if (!objects.delete(kind, namespace, name)) return false;
    const key = objectKey(kind, namespace, name);
    changes.touchedObjects.delete(key);
    if (model.committed.objects.get(kind, namespace, name)) changes.deletedObjects.add(key);
    markStale(model, kind, model.reconciling);
    return true;
  };

  return {
    apply<Spec = JsonObject, Status = JsonObject>(input: ObjectRef & { spec?: Spec; status?: Status }) {
      const spec = (input.spec ?? {}) as JsonObject;
      const existing = stored(input);
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
        touch(object);
        return { object: copy<Spec, Status>(object), result: "created" as const };
      }
      const status = input.status === undefined ? existing.status : (input.status as JsonObject);
      if (stableJson(existing.spec) === stableJson(spec) && stableJson(existing.status) === stableJson(status)) {
        return { object: copy<Spec, Status>(existing), result: "unchanged" as const };
      }
      const object = { ...existing, spec: structuredClone(spec), status: structuredClone(status), updatedAt: at };
      touch(object);
      return { object: copy<Spec, Status>(object), result: "configured" as const };
    },
    setStatus(ref, status) {
      const existing = stored(ref);
      if (!existing) return false;
      if (stableJson(existing.status) !== stableJson(status)) {
        touch({ ...existing, status: structuredClone(status as JsonObject), updatedAt: at });
      }
      return true;
    },
    get<Spec = JsonObject, Status = JsonObject>(ref: ObjectRef) {
      const found = stored(ref);
      return found ? copy<Spec, Status>(found) : undefined;
    },
    list<Spec = JsonObject, Status = JsonObject>(kind: string, namespace?: string) {
      const all = objects.ofKind(kind);
      return (namespace === undefined ? all : all.filter((o) => o.namespace === namespace)).map((o) =>
        copy<Spec, Status>(o),
      );
    },
    count(kind) {
      return objects.countOf(kind);
    },
    tally(test) {
      let n = 0;
      for (const o of objects.values()) if (test(o)) n += 1;
      return n;
    },
    listAll() {
      return objects.kindNames().flatMap((kind) => objects.ofKind(kind).map((o) => copy<JsonObject, JsonObject>(o)));
    },
    delete(ref) {
      return remove(ref.kind, ref.namespace ?? "", ref.name);
    },
    deleteAll() {
      const all = [...objects.values()];
      for (const o of all) remove(o.kind, o.namespace, o.name);
      return all.length;
    },
  };
}
