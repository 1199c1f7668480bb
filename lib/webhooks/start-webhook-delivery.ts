import type { Pool } from "@/lib/db/pool";
import { logger } from "@/lib/logger";
import { startPeriodicTask } from "@/lib/periodic-task";
import { resolveHost } from "./check-webhook-url";
import { attemptDelivery, claimDueDeliveries, sweepOldDeliveries, type DeliveryDeps } from "./deliver-webhooks";
import { sendWebhook } from "./send-webhook";

/** Real ms between looks for due deliveries. */
const pollMs = 1_000;
/** Attempts in flight at once per process: a slow receiver holds one of them for its 10 s, not the whole queue. */
const concurrency = 16;
/** Ticks between sweeps of old deliveries (about an hour). */
const sweepEvery = 3600;

/**
 * The webhook delivery loop of this process (every engine process runs one, beside its runner and autoscaler;
 * any number may run against one database: claims skip each other's rows, leases keep them apart). Each tick
 * claims as many due deliveries as there is room for and attempts them without waiting for one another.
 */
export function startWebhookDelivery(config: {
  pool: Pool;
  encryptionKey: string;
  timeScale: number;
  allowPrivate: boolean;
}): { stop(): Promise<void> } {
  const deps: DeliveryDeps = { ...config, now: () => new Date(), resolve: resolveHost, send: sendWebhook };
  const inFlight = new Set<Promise<unknown>>();
  let ticks = 0;
  const task = startPeriodicTask(
    pollMs,
    async () => {
      if (ticks++ % sweepEvery === 0) await sweepOldDeliveries(deps);
      const room = concurrency - inFlight.size;
      if (room <= 0) return;
      for (const delivery of await claimDueDeliveries(deps, room)) {
        // Not recorded (the database is away): the lease runs out and a later tick, here or elsewhere, tries again.
        const attempt: Promise<unknown> = attemptDelivery(deps, delivery)
          .catch((err: unknown) => logger.error({ err, delivery: delivery.id }, "webhook attempt not recorded"))
          .finally(() => inFlight.delete(attempt));
        inFlight.add(attempt);
      }
    },
    (err) => logger.error({ err }, "webhook claim failed"),
  );
  return {
    async stop() {
      await task.stop();
      await Promise.all(inFlight);
    },
  };
}
