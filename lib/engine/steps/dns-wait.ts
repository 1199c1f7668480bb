/**
 * How the certificate manager waits for a domain's DNS to point at the cluster: looked up again after 15 s,
 * 30 s, 1, 2 and 4 minutes, then every 5 minutes — about an hour in all (simulated time, so ENGINE_TIME_SCALE
 * applies), the time a new record takes to be created and reach resolvers. Then the change fails, the user's
 * to fix, and Retry starts the hour again.
 */
const dnsWaitScheduleMs: readonly number[] = [
  15_000,
  30_000,
  60_000,
  120_000,
  240_000,
  ...Array<number>(10).fill(300_000),
];

/** The issue-certificate step's attempts: one per look-up. */
export const dnsWaitAttempts = dnsWaitScheduleMs.length + 1;

/** Simulated ms from failed attempt `attempt` (1-based) to the next. */
export function dnsRetryInMs(attempt: number): number {
  return dnsWaitScheduleMs[attempt - 1] ?? 300_000;
}
