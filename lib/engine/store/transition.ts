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
  | {
      entity: "machine";
      environmentId: string;
      nodeId: string;
      from: MachineState;
      to: MachineState;
      /** States passed through on the way within one step (created → booting → running): each hop is checked. */
      via?: MachineState[];
      set?: Extra;
    };

/** Columns each entity's transition may set beside its status; anything else is a programming error. */
const settable: Record<Transition["entity"], ReadonlySet<string>> = {
  environment: new Set(["settings", "plan", "results", "faults", "regionClaim", "ownerClaim"]),
  operation: new Set(["startedAt", "finishedAt", "error"]),
  step: new Set([
    "leaseOwner",
    "leaseExpiresAt",
    "attempts",
    "startedAt",
    "attemptStartedAt",
    "finishedAt",
    "availableAt",
    "output",
    "error",
  ]),
  machine: new Set(["facts"]),
};

/**
 * THE way any environment, operation, step or machine changes state (house rules 4, 5, 7):
 *   1. the move must be in the entity's transition table, or this throws (a bug, not a conflict);
 *   2. it is written as a compare-and-set on the state the caller read (and, for a step, on the lease it
 *      holds), so of two racing writers exactly one wins;
 *   3. the winner appends the event in the same transaction.
 * Returns false when the compare-and-set found the row changed meanwhile; nothing is written then. In a
 * batched transaction the write is deferred and checked when the batch runs (a mismatch then aborts it).
 */
export async function transition(tx: EngineTx, t: Transition, event: Event, at: Date): Promise<boolean> {
  const hops = t.entity === "machine" ? [t.from, ...(t.via ?? []), t.to] : [t.from, t.to];
  for (let i = 1; i < hops.length; i++) assertAllowed({ ...t, from: hops[i - 1], to: hops[i] } as Transition);
  const set = Object.entries(t.set ?? {});
  for (const [column] of set) {
    if (!settable[t.entity].has(column)) throw new Error(`A ${t.entity} transition cannot set "${column}".`);
  }
  const values = set.map(([, v]) =>
    v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v,
  );
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
      sql = `UPDATE sim_machine SET ${[...assignments, `state = $${n + 1}`, `"updatedAt" = $${n + 2}`].join(", ")}
              WHERE "environmentId" = $${n + 3} AND "nodeId" = $${n + 4} AND state = $${n + 5}`;
      params = [...values, t.to, at, t.environmentId, t.nodeId, t.from];
      break;
  }
  const environmentId = event.environmentId ?? (t.entity === "environment" ? t.id : t.environmentId);
  // Deferred into the transaction's batch when it has one (the caller holds the row's lock; the batch checks the
  // one row) — except an environment's: the batch also updates that row's counters, and one statement cannot
  // update a row twice.
  if (tx.batch && t.entity !== "environment") {
    const batch = tx.batch;
    batch.add(`${sql.replace(/\$(\d+)/g, (_, n: string) => batch.param(params[Number(n) - 1]))} RETURNING 1`, 1);
  } else {
    const { rowCount } = await tx.client.query(sql, params);
    if (rowCount !== 1) return false;
  }
  if (t.entity === "machine") {
    // One event per state passed through, as if each had been its own move.
    for (const state of hops.slice(1)) {
      tx.event({
        ...event,
        type: `machine.${state}`,
        message: `${t.nodeId}: ${state}.`,
        data: { ...event.data, node: t.nodeId, state },
        environmentId,
        at,
      });
    }
  } else {
    tx.event({ ...event, environmentId, at });
  }
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
  for (const f of from)
    if (!canStepTransition(f, to)) throw new Error(`A step cannot go from ${f} to ${to}: not in its transition table.`);
}

/**
 * A machine created by the step that moves it: its row is inserted in its final state (there is no row yet to
 * compare-and-set), so this only holds each state passed to the machine table and records the events.
 */
export function machineCreated(
  tx: EngineTx,
  m: { environmentId: string; nodeId: string; path: readonly MachineState[] },
  event: Event,
  at: Date,
): void {
  for (let i = 1; i < m.path.length; i++) {
    assertAllowed({
      entity: "machine",
      environmentId: m.environmentId,
      nodeId: m.nodeId,
      from: m.path[i - 1]!,
      to: m.path[i]!,
    });
  }
  for (const state of m.path) {
    tx.event({
      ...event,
      type: `machine.${state}`,
      message: `${m.nodeId}: ${state}.`,
      data: { ...event.data, node: m.nodeId, state },
      environmentId: m.environmentId,
      at,
    });
  }
}
