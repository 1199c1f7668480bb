import type { EnvironmentStatus } from "./api-types";

/** `[#########-------] 56% 12/21 steps · Join worker cp-2`: the steps running now, else the status. */
export function renderProgressBar(status: Pick<EnvironmentStatus, "status" | "progress" | "running">, width = 16): string {
  const { done, total, percent } = status.progress;
  const filled = Math.min(width, Math.max(0, Math.round((percent / 100) * width)));
  const what = status.running.length > 0 ? status.running.join(", ") : status.status;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${percent}% ${done}/${total} steps · ${what}`;
}
