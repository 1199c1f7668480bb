import type { Pool } from "@/lib/db/pool";

/**
 * Runs what is queued to the end on a virtual clock, with the real step handlers: the engine as a test
 * needs it between a request and its checks. Imported on first use, after the test has set the environment.
 */
export async function runEngineUntilIdle(
  pool: Pool,
  {
    concurrency = 16,
    encryptionKey = process.env.ENCRYPTION_KEY!,
  }: { concurrency?: number; encryptionKey?: string } = {},
): Promise<void> {
  const { createRunner, stepHandlers, virtualClock } = await import("../index");
  await createRunner({
    pool,
    clock: virtualClock(),
    handlers: stepHandlers,
    encryptionKey,
    concurrency,
  }).runUntilIdle();
}
