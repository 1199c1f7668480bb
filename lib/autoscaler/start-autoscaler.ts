import type { Pool } from "@/lib/db/pool";
import { syncClusterControllers } from "@/lib/engine";
import { logger } from "@/lib/logger";
import { startPeriodicTask } from "@/lib/periodic-task";
import { runAutoscaler, type AutoscalerState } from "./run-autoscaler";

/** Seconds between passes, in simulated time (cluster-autoscaler's default scan interval). */
const scanIntervalMs = 10_000;

/**
 * The autoscaler's loop in this process (every engine process runs one; two deciding the same change at once is
 * harmless: the engine accepts one operation per environment and refuses the other). Passes never overlap. Each
 * pass first lets the clusters' controllers catch up on pods their burst limit held back (syncClusterControllers).
 */
export function startAutoscaler(deps: { pool: Pool; encryptionKey: string; timeScale: number }): {
  stop(): Promise<void>;
} {
  const state: AutoscalerState = new Map();
  return startPeriodicTask(
    Math.max(250, scanIntervalMs * deps.timeScale),
    async () => {
      // The ReplicaSet controller's catch-up comes first: the pods it makes are what the autoscaler then judges.
      await syncClusterControllers(deps.pool);
      return runAutoscaler({
        pool: deps.pool,
        encryptionKey: deps.encryptionKey,
        now: new Date(),
        state,
        timeScale: deps.timeScale,
      });
    },
    (err) => logger.error({ err }, "autoscaler pass failed"),
  );
}
