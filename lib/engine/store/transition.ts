import { canTransition, type EnvironmentStatus } from "@/lib/environments/environment-status";
import { canOperationTransition, type OperationStatus } from "../operation-states";
import { canMoveMachine, type MachineState } from "../sim/machine-states";
import { canStepTransition, type StepStatus } from "../step-states";
import type { EngineTx, EventInput } from "./engine-transaction";

type Event = Omit<EventInput, "environmentId" | "at"> & { environmentId?: string };
type Extra = Record<string, unknown>;

export type Transition =
  | { entity: "environment"; id: string; from: EnvironmentStatus; to: EnvironmentStatus; set?: Extra }
  | { entity: "operation"; id: string; environmentId: string; from: OperationStatus; to: OperationStatus; set?: Extra }
  | {
      entity: "step";
      id: string;
      environmentId: string;
      from: StepStatus;
      to: StepStatus;
      set?: Extra;
      /** The lease the caller holds; the change is refused when another runner took the step over. */
      lease?: { owner: string; attempt: number };
    }
  | { entity: "machine"; environmentId: string; nodeId: string; from: MachineState; to: MachineState };

/** Columns each entity's transition may set beside its status; anything else is a programming error. */
const settable: Record<Transition["entity"], ReadonlySet<string>> = {
  environment: new Set(["settings", "plan", "results", "faults", "regionClaim", "ownerClaim"]),
  operation: new Set(["startedAt", "finishedAt", "error"]),
  step: new Set(["leaseOwner", "leaseExpiresAt", "attempts", "startedAt", "attemptStartedAt", "finishedAt", "availableAt", "output", "error"]),
  machine: new Set(),
};

/**
 * THE way any environment, operation, step or machine changes state (house rules 4, 5, 7):
 *   1. the move must be in the entity's transition table, or this throws (a bug, not a conflict);
 *   2. it is written as a compare-and-set on the state the caller read (and, for a step, on the lease it
 *      holds), so of two racing writers exactly one wins;
 *   3. the winner appends the event in the same transaction.
 * Returns false when the compare-and-set found the row changed meanwhile; nothing is written then.
 */
export async function transition(tx: EngineTx, t: Transition, event: Event, at: Date): Promise<boolean> {
  assertAllowed(t);
  const set = Object.entries(t.entity === "machine" ? {} : (t.set ?? {}));
  for (const [column] of set) {
    if (!settable[t.entity].has(column)) throw new Error(`A ${t.entity} transition cannot set "${column}".`);
  }
  const values = set.map(([, v]) => (v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v));
  const assignments = set.map(([column], i) => `"${column}" = $${i + 1}`);
  const n = set.length;
  let sql: string;
  let params: unknown[];
  switch (t.entity) {
    case "environment":
      sql = `UPDATE environment SET ${[...assignments, `status = $${n + 1}`, `"updatedAt" = $${n + 2}`].join(", ")}
              WHERE id = $${n + 3} AND status = $${n + 4}`;
      params = [...values, t.to, at, t.id, t.from];
      break;
    case "operation":
      sql = `UPDATE operation SET ${[...assignments, `status = $${n + 1}`, `"updatedAt" = $${n + 2}`].join(", ")}
              WHERE id = $${n + 3} AND status = $${n + 4}`;
      params = [...values, t.to, at, t.id, t.from];
      break;
    case "step":
      sql = `UPDATE step SET ${[...assignments, `status = $${n + 1}`].join(", ")}
              WHERE id = $${n + 2} AND status = $${n + 3}${t.lease ? ` AND "leaseOwner" = $${n + 4} AND attempts = $${n + 5}` : ""}`;
      params = [...values, t.to, t.id, t.from, ...(t.lease ? [t.lease.owner, t.lease.attempt] : [])];
      break;
    case "machine":
      sql = `UPDATE sim_machine SET state = $1, "updatedAt" = $2 WHERE "environmentId" = $3 AND "nodeId" = $4 AND state = $5`;
      params = [t.to, at, t.environmentId, t.nodeId, t.from];
      break;
  }
  const { rowCount } = await tx.client.query(sql, params);
  if (rowCount !== 1) return false;
  tx.event({ ...event, environmentId: event.environmentId ?? (t.entity === "environment" ? t.id : t.environmentId), at });
  return true;
}

function assertAllowed(t: Transition): void {
  const ok =
    t.entity === "environment"
      ? canTransition(t.from, t.to)
      : t.entity === "operation"
        ? canOperationTransition(t.from, t.to)
        : t.entity === "step"
          ? canStepTransition(t.from, t.to)
          : canMoveMachine(t.from, t.to);
  if (!ok) throw new Error(`A ${t.entity} cannot go from ${t.from} to ${t.to}: not in its transition table.`);
}

/** For set-based changes (claims, cancelling every unfinished step): the table must allow each move. */
export function assertStepMoves(from: readonly StepStatus[], to: StepStatus): void {
  for (const f of from) if (!canStepTransition(f, to)) throw new Error(`A step cannot go from ${f} to ${to}: not in its transition table.`);
}
