import "server-only";
import { database } from "@/lib/db/database";

/**
 * Counts a request of a token in its current one-minute window (one statement, atomic across processes) and
 * says whether it is within `limit`; old windows are swept now and then.
 */
export async function countTokenRequest(tokenId: string, limit: number, now = new Date()): Promise<{ allowed: boolean; remaining: number; resetSeconds: number }> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const { rows } = await database().query<{ requests: number }>(
    `INSERT INTO api_rate_window ("tokenId", "windowStart", requests) VALUES ($1, $2, 1)
     ON CONFLICT ("tokenId", "windowStart") DO UPDATE SET requests = api_rate_window.requests + 1
     RETURNING requests`,
    [tokenId, windowStart],
  );
  if (Math.random() < 0.01) await database().query(`DELETE FROM api_rate_window WHERE "windowStart" < $1`, [new Date(windowStart.getTime() - 3_600_000)]);
  const requests = rows[0]!.requests;
  const resetSeconds = Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000));
  return { allowed: requests <= limit, remaining: Math.max(0, limit - requests), resetSeconds };
}
