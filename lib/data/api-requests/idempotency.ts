import "server-only";
import { createHash } from "node:crypto";
import { database } from "@/lib/db/database";
import { IdempotencyKeyInUseError, UnprocessableError, ValidationError } from "@/lib/errors";

/** How long an Idempotency-Key is remembered. */
const idempotencyWindowMs = 24 * 60 * 60_000;

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

export type StoredAnswer = { status: number; body: unknown };

/**
 * Claims an Idempotency-Key for a request (per account): the first request with it proceeds (`claimed`); a
 * repeat of the same request gets the first one's answer (`replay`); the same key with another request is 422,
 * and one still being processed 409. Keys are remembered for 24 hours.
 */
export async function claimIdempotencyKey(
  userId: string,
  key: string,
  request: { method: string; path: string; body: string },
  now = new Date(),
): Promise<{ kind: "claimed"; id: string } | { kind: "replay"; answer: StoredAnswer }> {
  if (!/^[A-Za-z0-9_.:-]{8,200}$/.test(key)) throw new ValidationError({}, "Idempotency-Key must be 8–200 letters, digits or _ . : -, e.g. a UUID.");
  const id = sha(`${userId}\u0000${key}`);
  const fingerprint = sha(`${request.method} ${request.path}\u0000${request.body}`);
  const pool = database();
  // A key older than the window is forgotten, so it may be used again.
  await pool.query(`DELETE FROM api_idempotency WHERE key = $1 AND "createdAt" < $2`, [id, new Date(now.getTime() - idempotencyWindowMs)]);
  const inserted = await pool.query(
    `INSERT INTO api_idempotency (key, fingerprint, status, body, "createdAt") VALUES ($1, $2, 0, 'null', $3) ON CONFLICT (key) DO NOTHING RETURNING key`,
    [id, fingerprint, now],
  );
  if (inserted.rowCount === 1) return { kind: "claimed", id };
  const { rows } = await pool.query<{ fingerprint: string; status: number; body: unknown }>(`SELECT fingerprint, status, body FROM api_idempotency WHERE key = $1`, [id]);
  const row = rows[0];
  if (!row) return claimIdempotencyKey(userId, key, request, now);
  if (row.fingerprint !== fingerprint) {
    throw new UnprocessableError("This Idempotency-Key was already used for a different request. Use a new key for a new request.", "idempotency_key_reused");
  }
  if (row.status === 0) throw new IdempotencyKeyInUseError();
  return { kind: "replay", answer: { status: row.status, body: row.body } };
}

/** Keeps the answer for repeats; an answer that says to try again (5xx) releases the key instead. */
export async function settleIdempotencyKey(id: string, answer: StoredAnswer): Promise<void> {
  if (answer.status >= 500) await database().query(`DELETE FROM api_idempotency WHERE key = $1`, [id]);
  else await database().query(`UPDATE api_idempotency SET status = $2, body = $3 WHERE key = $1`, [id, answer.status, JSON.stringify(answer.body)]);
}
