import { performance } from "node:perf_hooks";
import { Webhook } from "standardwebhooks";
import { recordAudit } from "@/lib/audit/record-audit";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { Pool } from "@/lib/db/pool";
import { checkWebhookUrl, type Resolve } from "./check-webhook-url";
import type { WebhookPayload } from "./event-types";
import { maxAttempts, retryScheduleMs } from "./retry-schedule";
import type { SendWebhook, WebhookResponse } from "./send-webhook";

/** How long a receiver has to answer. */
const attemptTimeoutMs = 10_000;

/**
 * How long a claimed attempt belongs to its process: DNS, the 10 s exchange and the recording, with room to
 * spare. A process that died with the attempt in hand leaves it to be taken over once the lease has passed.
 */
export const deliveryLeaseMs = 60_000;

export type DeliveryDeps = {
  pool: Pool;
  encryptionKey: string;
  /** The clock (injected, so tests control time): attempt times, webhook-timestamp, leases and the schedule. */
  now(): Date;
  timeScale: number;
  allowPrivate: boolean;
  resolve: Resolve;
  send: SendWebhook;
};

type ClaimedDelivery = {
  id: string;
  messageId: string;
  payload: WebhookPayload;
  /** This attempt's number, from 1. */
  attempt: number;
  /** A redelivery a person asked for is tried once, not on the schedule. */
  redelivery: boolean;
  url: string;
  endpointId: string;
  /** The endpoint's signing secret, encrypted. */
  secret: string;
  /** The secret before the last rotation (encrypted) while it still signs beside the new one, else null. */
  previousSecret: string | null;
};

/**
 * Takes up to `limit` due deliveries — pending, their time come, of an enabled endpoint, and not held under
 * another process's lease — in ONE statement: FOR UPDATE SKIP LOCKED lets concurrent claims pass each other
 * by, and the lease it sets (committed with the claim) keeps every other process off the row until the attempt
 * is recorded or the lease runs out. The attempt counter goes up here, so it names the attempt, and a
 * recording by a process whose attempt was taken over finds it changed and writes nothing.
 */
export async function claimDueDeliveries(
  deps: Pick<DeliveryDeps, "pool" | "now">,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const now = deps.now();
  const { rows } = await deps.pool.query<ClaimedDelivery>(
    `WITH due AS (
       SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint w ON w.id = d."endpointId"
        WHERE d.status = 'pending' AND d."nextAttemptAt" <= $1 AND (d."leaseUntil" IS NULL OR d."leaseUntil" <= $1) AND w.enabled
        ORDER BY d."nextAttemptAt" LIMIT $3 FOR UPDATE OF d SKIP LOCKED)
     UPDATE webhook_delivery d SET attempts = d.attempts + 1, "leaseUntil" = $2
       FROM due, webhook_endpoint w
      WHERE d.id = due.id AND w.id = d."endpointId"
      RETURNING d.id, d."endpointId", d."messageId", d.payload, d.attempts AS attempt, d."redeliveryOf" IS NOT NULL AS redelivery, w.url, w.secret,
                CASE WHEN w."previousSecretUntil" > $1 THEN w."previousSecret" END AS "previousSecret"`,
    [now, new Date(now.getTime() + deliveryLeaseMs), limit],
  );
  return rows;
}

type AttemptOutcome = "succeeded" | "retrying" | "failed" | "lost";

/**
 * Makes one attempt of a claimed delivery and records it: the URL checked again (DNS may have changed since the
 * endpoint was created) and the request pinned to the address checked; the Standard Webhooks headers, signed
 * with the endpoint's secret for this attempt's time; a 2xx answer succeeds, anything else (another status, no
 * answer, a refused URL) is retried on the schedule or, after the last attempt, fails. "lost" when the attempt
 * was taken over meanwhile (this process was too slow for its lease): the other process's recording stands.
 */
export async function attemptDelivery(deps: DeliveryDeps, d: ClaimedDelivery): Promise<AttemptOutcome> {
  const at = deps.now();
  let statusCode: number | null = null;
  let durationMs: number | null = null;
  let error: string | null = null;
  const check = await checkWebhookUrl(d.url, deps);
  if (!check.ok) {
    error = `Not sent: ${check.reason}`;
  } else {
    // Top-level fields in the order of the Standard Webhooks payload structure (jsonb keeps its own order).
    const body = JSON.stringify({ type: d.payload.type, timestamp: d.payload.timestamp, data: d.payload.data });
    const headers = {
      "content-type": "application/json",
      "user-agent": "Clusterport-Webhooks/1.0",
      "webhook-id": d.messageId,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      // Space-separated signatures: the new secret's, then during a rotation's overlap the old one's.
      "webhook-signature": [d.secret, ...(d.previousSecret ? [d.previousSecret] : [])]
        .map((secret) => new Webhook(decryptSecret(secret, deps.encryptionKey)).sign(d.messageId, at, body))
        .join(" "),
    };
    const started = performance.now();
    try {
      const answer = await deps.send({
        url: check.url,
        address: check.address,
        headers,
        body,
        timeoutMs: attemptTimeoutMs,
      });
      statusCode = answer.status;
      if (answer.status < 200 || answer.status > 299) error = describeAnswer(answer);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    durationMs = Math.round(performance.now() - started);
  }
  const outcome = error === null ? "succeeded" : !d.redelivery && d.attempt < maxAttempts ? "retrying" : "failed";
  const next =
    outcome === "retrying"
      ? new Date(at.getTime() + Math.round(retryScheduleMs[d.attempt - 1]! * deps.timeScale))
      : null;
  const { rowCount } = await deps.pool.query(
    `UPDATE webhook_delivery SET status = $3, "nextAttemptAt" = $4, "leaseUntil" = NULL, "lastStatusCode" = $5, "lastDurationMs" = $6, "lastError" = $7, "finishedAt" = $8
      WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
    [
      d.id,
      d.attempt,
      outcome === "retrying" ? "pending" : outcome,
      next,
      statusCode,
      durationMs,
      error,
      outcome === "retrying" ? null : deps.now(),
    ],
  );
  if (rowCount !== 1) return "lost";
  if (outcome === "failed" && !d.redelivery) await disableIfFailingFor(deps, d.endpointId);
  return outcome;
}

/** An endpoint none of whose deliveries has succeeded for this long (simulated time) is disabled. */
const disableAfterFailingMs = 5 * 24 * 60 * 60_000;

/**
 * After a delivery failed for good: when nothing has been delivered to its endpoint for 5 days (none succeeded
 * since, and it exists that long), the endpoint is disabled with the reason — as Svix and Stripe do, so a gone
 * receiver does not collect retries forever — and its owner's audit log says so. Pending deliveries wait until it
 * is enabled again.
 */
async function disableIfFailingFor(deps: DeliveryDeps, endpointId: string): Promise<void> {
  const now = deps.now();
  const since = new Date(now.getTime() - Math.round(disableAfterFailingMs * deps.timeScale));
  const reason = `Disabled on ${now.toISOString().slice(0, 16).replace("T", " ")} UTC: no delivery has succeeded for 5 days. Fix the receiver, then enable it again.`;
  const { rows } = await deps.pool.query<{ userId: string; url: string }>(
    `UPDATE webhook_endpoint w SET enabled = false, "disabledReason" = $3
      WHERE w.id = $1 AND w.enabled AND w."createdAt" <= $2
        AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d."endpointId" = w.id AND d.status = 'succeeded' AND d."finishedAt" > $2)
      RETURNING w."userId", w.url`,
    [endpointId, since, reason],
  );
  const disabled = rows[0];
  if (disabled) {
    await recordAudit(
      { userId: disabled.userId, via: "Clusterport (automatic)", ip: "", userAgent: "", now },
      { action: "webhook.disable", target: new URL(disabled.url).origin, details: { id: endpointId, reason } },
    );
  }
}

/** A non-2xx answer in words, with the start of its body (the receiver's own explanation, if any). */
function describeAnswer(a: WebhookResponse): string {
  const status = `${a.status}${a.statusText ? ` ${a.statusText}` : ""}`;
  if (a.status >= 300 && a.status < 400) {
    return `The endpoint answered ${status}${a.location ? ` (to ${a.location.slice(0, 200)})` : ""}; redirects are not followed: use the final URL.`;
  }
  const text = a.body
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim()
    .slice(0, 200);
  return `The endpoint answered ${status}${text ? `: ${text}` : ""}. Only a 2xx answer counts as delivered.`;
}

/** How long a finished delivery stays in its endpoint's log. */
export const deliveryRetentionMs = 30 * 24 * 60 * 60_000;

/**
 * Forgets deliveries finished (succeeded or failed) more than 30 days ago, in batches, so the log and the queue's
 * index stay small; pending ones are never touched. Returns how many went.
 */
export async function sweepOldDeliveries(deps: Pick<DeliveryDeps, "pool" | "now">, batch = 1000): Promise<number> {
  const { rowCount } = await deps.pool.query(
    `DELETE FROM webhook_delivery WHERE id IN (
       SELECT id FROM webhook_delivery WHERE status <> 'pending' AND "finishedAt" < $1 ORDER BY "finishedAt" LIMIT $2)`,
    [new Date(deps.now().getTime() - deliveryRetentionMs), batch],
  );
  return rowCount ?? 0;
}
