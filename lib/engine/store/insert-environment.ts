import { randomUUID } from "node:crypto";
import type { Pool } from "@/lib/db/pool";
import { activeEnvironmentStatuses } from "@/lib/environments/environment-status";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { createOperation, type OperationStepSpec } from "../create-operation";
import type { Faults } from "../faults";
import { engineTransaction } from "./engine-transaction";

export type NewEnvironment = {
  userId: string;
  settings: InstallSettings;
  plan: EnvironmentPlan;
  /** Idempotency key: a second request with it finds the first one's environment. */
  requestId: string;
  faults: Faults;
  /** The account's quota of environments that are not cancelled or deleted. */
  maxEnvironments: number;
  now: Date;
  /** Replaces the plan's step graph (engine tests with stub handlers). */
  steps?: readonly OperationStepSpec[];
};

export type InsertOutcome =
  | { kind: "created"; id: string; operationId: string }
  | { kind: "repeat"; id: string; name: string; domain: string; settings: InstallSettings }
  | { kind: "quota-full"; inUse: number }
  | { kind: "name-taken"; ownOtherRegion: boolean };

/**
 * Stores a queued environment holding its name, with its install operation, atomically. The account's row is
 * locked first, so an account's submits are serialized: the idempotency key is looked up and the quota counted
 * under that lock, and of two concurrent submits beyond the quota exactly one wins. A name taken by anyone
 * fails on the unique name claims.
 */
export async function insertEnvironment(pool: Pool, e: NewEnvironment): Promise<InsertOutcome> {
  try {
    return await engineTransaction(pool, async (tx): Promise<InsertOutcome> => {
      await tx.client.query(`SELECT id FROM "user" WHERE id = $1 FOR UPDATE`, [e.userId]);
      const repeat = await tx.client.query<{ id: string; name: string; domain: string; settings: InstallSettings }>(
        `SELECT id, name, domain, settings FROM environment WHERE "userId" = $1 AND "requestId" = $2`,
        [e.userId, e.requestId],
      );
      if (repeat.rows[0]) return { kind: "repeat", ...repeat.rows[0] };
      const taken = await tx.client.query<{ userId: string; region: string }>(
        `SELECT "userId", region FROM environment WHERE "regionClaim" = $1 OR "ownerClaim" = $2 LIMIT 1`,
        [`${e.settings.region}/${e.settings.name}`, `${e.userId}/${e.settings.name}`],
      );
      if (taken.rows[0])
        return {
          kind: "name-taken",
          ownOtherRegion: taken.rows[0].userId === e.userId && taken.rows[0].region !== e.settings.region,
        };
      const count = await tx.client.query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM environment WHERE "userId" = $1 AND status = ANY($2::text[])`,
        [e.userId, activeEnvironmentStatuses],
      );
      const inUse = count.rows[0]!.n;
      if (inUse >= e.maxEnvironments) return { kind: "quota-full", inUse };

      const id = randomUUID();
      await tx.client.query(
        `INSERT INTO environment (id, "userId", name, region, domain, "displayName", status, settings, plan, "requestId",
           "regionClaim", "ownerClaim", faults, "createdAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, 'queued', $7, $8, $9, $10, $11, $12, $13, $13)`,
        [
          id,
          e.userId,
          e.settings.name,
          e.settings.region,
          e.plan.domain,
          e.settings.displayName,
          JSON.stringify(e.settings),
          JSON.stringify(e.plan),
          e.requestId,
          `${e.settings.region}/${e.settings.name}`,
          `${e.userId}/${e.settings.name}`,
          JSON.stringify(e.faults),
          e.now,
        ],
      );
      tx.event({
        environmentId: id,
        type: "environment.queued",
        message: `Install of ${e.plan.domain} queued (${e.plan.totals.nodes} nodes, Kubernetes ${e.settings.version}).`,
        data: { status: "queued" },
        actorId: e.userId,
        at: e.now,
      });
      const operationId = await createOperation(tx, {
        environmentId: id,
        type: "install",
        steps: e.steps ?? e.plan.steps,
        actorId: e.userId,
        now: e.now,
      });
      return { kind: "created", id, operationId };
    });
  } catch (err) {
    // Another account's submit won the name between the check above and the insert.
    if (
      (err as { code?: string }).code === "23505" &&
      /Claim/.test((err as { constraint?: string }).constraint ?? "")
    ) {
      return { kind: "name-taken", ownOtherRegion: false };
    }
    throw err;
  }
}
