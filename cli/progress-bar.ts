import { formatDuration } from "@/lib/format/format-duration";
import type { EnvironmentStatus } from "./api-types";

type Progress = EnvironmentStatus["progress"];

/**
 * `[#########-------] 56% 12/21 steps · 1 min 4 s elapsed · about 2 min left · Join worker cp-2`: the time the
 * operation has run and the API's estimate of what is left (while it runs), then the steps running now, else the status.
 */
export function renderProgressBar(
  status: Pick<EnvironmentStatus, "status" | "progress" | "running">,
  width = 16,
): string {
  const { done, total, percent } = status.progress;
  const filled = Math.min(width, Math.max(0, Math.round((percent / 100) * width)));
  const what = status.running.length > 0 ? status.running.join(", ") : status.status;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${percent}% ${done}/${total} steps${timing(status.progress)} · ${what}`;
}

/** A server older than these fields sends neither: the bar is then shown without them. */
function timing({
  elapsedSeconds,
  remainingSeconds,
}: Partial<Pick<Progress, "elapsedSeconds" | "remainingSeconds">>): string {
  const parts: string[] = [];
  if (typeof elapsedSeconds === "number") parts.push(`${formatDuration(elapsedSeconds)} elapsed`);
  if (typeof remainingSeconds === "number")
    parts.push(remainingSeconds < 1 ? "finishing" : `about ${formatDuration(remainingSeconds)} left`);
  return parts.map((p) => ` · ${p}`).join("");
}

/** What a change of progress is, for printing a line per change: the clock moving alone is none. */
export function progressKey(status: Pick<EnvironmentStatus, "status" | "progress" | "running">): string {
  return JSON.stringify([
    status.status,
    status.progress.done,
    status.progress.total,
    status.progress.percent,
    status.running,
  ]);
}
