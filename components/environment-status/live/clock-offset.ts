/**
 * Server clock minus client clock, in ms, from a snapshot's `serverTime` received at `clientNow`. The snapshot
 * was taken before it arrived, so every sample errs low by its delivery time; keeping the largest sample seen
 * (`previous`) converges on the true offset. An unparsable time keeps `previous` (0 when there is none).
 */
export function clockOffset(serverTime: string, clientNow: number, previous: number | null = null): number {
  const server = Date.parse(serverTime);
  if (!Number.isFinite(server)) return previous ?? 0;
  const sample = server - clientNow;
  return previous === null ? sample : Math.max(previous, sample);
}
