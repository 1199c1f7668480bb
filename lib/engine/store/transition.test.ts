import { describe, expect, it } from "vitest";
import { environmentStatuses, environmentTransitions } from "@/lib/environments/environment-status";
import { operationStatuses, operationTransitions } from "../operation-states";
import { machineStates, machineTransitions } from "../sim/machine-states";
import { stepStatuses, stepTransitions } from "../step-states";
import type { EngineTx } from "./engine-transaction";
import { transition, type Transition } from "./transition";

// A refused move must throw before it reaches the database or the history: this transaction fails the test if touched.
const untouchable: EngineTx = {
  get client(): never {
    throw new Error("a refused move reached the database");
  },
  event: () => {
    throw new Error("a refused move wrote an event");
  },
  log: () => {
    throw new Error("a refused move wrote a log line");
  },
  simChanged: () => {
    throw new Error("a refused move changed the simulation");
  },
  webhook: () => {
    throw new Error("a refused move queued a webhook");
  },
};

const event = { type: "test.move", message: "A move." };
const at = new Date("2026-01-01T00:00:00Z");

/** Every (from, to) pair the table does not list. */
function illegalMoves<S extends string>(states: readonly S[], table: Readonly<Record<S, readonly S[]>>): [S, S][] {
  return states.flatMap((from) => states.filter((to) => !table[from].includes(to)).map((to): [S, S] => [from, to]));
}

async function expectRefused(t: Transition): Promise<void> {
  await expect(transition(untouchable, t, event, at), `${t.entity} ${t.from} → ${t.to}`).rejects.toThrow(
    `A ${t.entity} cannot go from ${t.from} to ${t.to}: not in its transition table.`,
  );
}

// The tables are the law (docs/engine.md): a widened entry fails its snapshot, and the count of refused moves
// beside it, so review sees every new move; transition() must refuse every move the table leaves out.
describe("the environment's transition table", () => {
  it("is exactly", () => {
    expect(environmentTransitions).toMatchInlineSnapshot(`
      {
        "cancelled": [],
        "cancelling": [
          "cancelled",
          "failed",
        ],
        "deleted": [],
        "deleting": [
          "deleted",
          "failed",
        ],
        "failed": [
          "installing",
          "updating",
          "cancelling",
          "deleting",
        ],
        "installing": [
          "running",
          "failed",
          "cancelling",
        ],
        "queued": [
          "installing",
          "cancelling",
        ],
        "running": [
          "updating",
          "deleting",
        ],
        "updating": [
          "running",
        ],
      }
    `);
  });

  it("refuses every move it does not list", async () => {
    const moves = illegalMoves(environmentStatuses, environmentTransitions);
    expect(moves.length).toMatchInlineSnapshot(`65`);
    for (const [from, to] of moves) await expectRefused({ entity: "environment", id: "env-1", from, to });
  });
});

describe("the operation's transition table", () => {
  it("is exactly", () => {
    expect(operationTransitions).toMatchInlineSnapshot(`
      {
        "cancelled": [],
        "failed": [
          "running",
        ],
        "queued": [
          "running",
          "cancelled",
        ],
        "running": [
          "succeeded",
          "failed",
          "cancelled",
        ],
        "succeeded": [],
      }
    `);
  });

  it("refuses every move it does not list", async () => {
    const moves = illegalMoves(operationStatuses, operationTransitions);
    expect(moves.length).toMatchInlineSnapshot(`19`);
    for (const [from, to] of moves)
      await expectRefused({ entity: "operation", id: "op-1", environmentId: "env-1", from, to });
  });
});

describe("the step's transition table", () => {
  it("is exactly", () => {
    expect(stepTransitions).toMatchInlineSnapshot(`
      {
        "cancelled": [],
        "failed": [
          "pending",
        ],
        "pending": [
          "running",
          "cancelled",
        ],
        "retrying": [
          "running",
          "cancelled",
        ],
        "running": [
          "running",
          "succeeded",
          "retrying",
          "failed",
          "cancelled",
        ],
        "succeeded": [],
      }
    `);
  });

  it("refuses every move it does not list, with or without a lease", async () => {
    const moves = illegalMoves(stepStatuses, stepTransitions);
    expect(moves.length).toMatchInlineSnapshot(`26`);
    for (const [from, to] of moves) {
      await expectRefused({ entity: "step", id: "step-1", environmentId: "env-1", from, to });
      await expectRefused({
        entity: "step",
        id: "step-1",
        environmentId: "env-1",
        from,
        to,
        lease: { owner: "runner-1", attempt: 1 },
      });
    }
  });
});

describe("the machine's transition table", () => {
  it("is exactly", () => {
    expect(machineTransitions).toMatchInlineSnapshot(`
      {
        "booting": [
          "running",
          "removed",
        ],
        "created": [
          "booting",
          "removed",
        ],
        "removed": [],
        "running": [
          "removed",
        ],
      }
    `);
  });

  it("refuses every move it does not list, also as a hop on the way", async () => {
    const moves = illegalMoves(machineStates, machineTransitions);
    expect(moves.length).toMatchInlineSnapshot(`11`);
    for (const [from, to] of moves) {
      await expectRefused({ entity: "machine", environmentId: "env-1", nodeId: "cp-1", from, to });
      const before = machineStates.find((s) => machineTransitions[s].includes(from));
      if (before) {
        await expect(
          transition(
            untouchable,
            { entity: "machine", environmentId: "env-1", nodeId: "cp-1", from: before, via: [from], to },
            event,
            at,
          ),
        ).rejects.toThrow(`A machine cannot go from ${from} to ${to}: not in its transition table.`);
      }
    }
  });
});
