import type Database from "better-sqlite3";
import { sqliteTime } from "@/lib/sqlite";
import { stableJson } from "@/lib/stable-json";
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
  /** True when something was deleted. */
  delete(ref: ObjectRef): boolean;
  /** Deletes every object of the environment; returns how many. */
  deleteAll(): number;
};

type Row = { id: number; kind: string; namespace: string; name: string; spec: string; status: string; createdAt: string; updatedAt: string };

export function createObjectOps(conn: Database.Database, environmentId: string, now: Date): ObjectOps {
  const at = sqliteTime(now);
  const decode = <Spec, Status>(row: Row): SimObject<Spec, Status> => ({
    ...row,
    spec: JSON.parse(row.spec) as Spec,
    status: JSON.parse(row.status) as Status,
  });
  const selectOne = conn.prepare("SELECT * FROM sim_object WHERE environmentId = ? AND kind = ? AND namespace = ? AND name = ?");
  const row = (ref: ObjectRef) => selectOne.get(environmentId, ref.kind, ref.namespace ?? "", ref.name) as Row | undefined;

  return {
    apply<Spec = JsonObject, Status = JsonObject>(input: ObjectRef & { spec?: Spec; status?: Status }) {
      const ref = { kind: input.kind, namespace: input.namespace ?? "", name: input.name };
      const spec = stableJson(input.spec ?? {});
      const existing = row(ref);
      if (!existing) {
        conn
          .prepare(
            `INSERT INTO sim_object (environmentId, kind, namespace, name, spec, status, createdAt, updatedAt)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(environmentId, ref.kind, ref.namespace, ref.name, spec, stableJson(input.status ?? {}), at, at);
        return { object: decode<Spec, Status>(row(ref)!), result: "created" as const };
      }
      const status = input.status === undefined ? existing.status : stableJson(input.status);
      if (existing.spec === spec && existing.status === status) {
        return { object: decode<Spec, Status>(existing), result: "unchanged" as const };
      }
      conn.prepare("UPDATE sim_object SET spec = ?, status = ?, updatedAt = ? WHERE id = ?").run(spec, status, at, existing.id);
      return { object: decode<Spec, Status>(row(ref)!), result: "configured" as const };
    },
    setStatus(ref, status) {
      const existing = row(ref);
      if (!existing) return false;
      const text = stableJson(status);
      if (existing.status !== text) {
        conn.prepare("UPDATE sim_object SET status = ?, updatedAt = ? WHERE id = ?").run(text, at, existing.id);
      }
      return true;
    },
    get<Spec = JsonObject, Status = JsonObject>(ref: ObjectRef) {
      const found = row(ref);
      return found ? decode<Spec, Status>(found) : undefined;
    },
    list<Spec = JsonObject, Status = JsonObject>(kind: string, namespace?: string) {
      const rows = (
        namespace === undefined
          ? conn.prepare("SELECT * FROM sim_object WHERE environmentId = ? AND kind = ? ORDER BY namespace, name").all(environmentId, kind)
          : conn
              .prepare("SELECT * FROM sim_object WHERE environmentId = ? AND kind = ? AND namespace = ? ORDER BY name")
              .all(environmentId, kind, namespace)
      ) as Row[];
      return rows.map((r) => decode<Spec, Status>(r));
    },
    listAll() {
      const rows = conn
        .prepare("SELECT * FROM sim_object WHERE environmentId = ? ORDER BY kind, namespace, name")
        .all(environmentId) as Row[];
      return rows.map((r) => decode<JsonObject, JsonObject>(r));
    },
    delete(ref) {
      return (
        conn
          .prepare("DELETE FROM sim_object WHERE environmentId = ? AND kind = ? AND namespace = ? AND name = ?")
          .run(environmentId, ref.kind, ref.namespace ?? "", ref.name).changes > 0
      );
    },
    deleteAll() {
      return conn.prepare("DELETE FROM sim_object WHERE environmentId = ?").run(environmentId).changes;
    },
  };
}
