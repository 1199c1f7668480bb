import type { Pool } from "@/lib/db/pool";

export type EventRecord = {
  seq: number;
  type: string;
  message: string;
  data: Record<string, unknown>;
  stepKey: string | null;
  operationId: string | null;
  actorId: string | null;
  createdAt: Date;
};

/** An environment's events with `after` < seq ≤ `upTo`, in order. */
export async function findEvents(
  pool: Pool,
  environmentId: string,
  after: number,
  upTo = Number.MAX_SAFE_INTEGER,
): Promise<EventRecord[]> {
  const { rows } = await pool.query<EventRecord>(
    `SELECT seq, type, message, data, "stepKey", "operationId", "actorId", "createdAt" FROM environment_event
      WHERE "environmentId" = $1 AND seq > $2 AND seq <= $3 ORDER BY seq`,
    [environmentId, after, upTo],
  );
  return rows;
}
