import type { OperationView } from "@/lib/live/status-snapshot";

/** How long the operation has run (or ran): from its start (or, while queued, its request) to its end or `now`. */
export function operationElapsedMs(
  operation: Pick<OperationView, "createdAt" | "startedAt" | "finishedAt">,
  now: number,
): number {
  const start = Date.parse(operation.startedAt ?? operation.createdAt);
  const end = operation.finishedAt === null ? now : Date.parse(operation.finishedAt);
  return Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, end - start) : 0;
}
