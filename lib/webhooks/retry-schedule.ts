/**
 * The Standard Webhooks retry schedule: attempt 1 at once, then these waits before attempts 2 to 8 (5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h), in simulated ms — multiplied by ENGINE_TIME_SCALE like the engine's steps, so a
 * development or e2e run goes through it quickly. A delivery still failing after attempt 8 is failed.
 */
export const retryScheduleMs: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];
export const maxAttempts = retryScheduleMs.length + 1;
