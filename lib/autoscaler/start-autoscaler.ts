import type { Pool } from "@/lib/db/pool";
import { logger } from "@/lib/logger";
import { startPeriodicTask } from "@/lib/periodic-task";
import { runAutoscaler, type AutoscalerState } from "./run-autoscaler";

/** Seconds between passes, in simulated time (cluster-autoscaler's default scan interval). */
const scanIntervalMs = 10_000;

/**
 * The autoscaler's loop in this process (every engine process runs one; two deciding the same change at once is
 * harmless: the engine accepts one operation per environment and refuses the other). Passes never overlap.
 */
export function startAutoscaler(deps: { pool: Pool; encryptionKey: string; timeScale: number }): { stop(): Promise<void> } {
  const state: AutoscalerState = new Map();
  return startPeriodicTask(
    Math.max(250, scanIntervalMs * deps.timeScale),
    () => runAutoscaler({ pool: deps.pool, encryptionKey: deps.encryptionKey, now: new Date(), state, timeScale: deps.timeScale }),
    (err) => logger.error({ err }, "autoscaler pass failed"),
  );
}
