import type { StepHandler } from "@/lib/engine/step-context";
import { transientError } from "@/lib/engine/step-error";
import { inspectClusterHealth } from "./inspect-cluster-health";
import { simOf } from "./sim-of";

/**
 * check-health — inspects the model and returns { report: HealthLine[] }; changes nothing. Any FAIL throws a
 * TRANSIENT "health-check-failed" naming the failing components (the report is in the log lines), so the
 * engine retries and fails the operation when the attempts run out.
 */
export const checkHealth: StepHandler = (ctx) => {
  const report = inspectClusterHealth(ctx, simOf(ctx));
  ctx.log("Cluster Health Check Report");
  for (const line of report) {
    ctx.log(
      `${line.component}: ${line.status}${line.detail ? ` (${line.detail})` : ""}`,
      line.status === "FAIL" ? "warn" : "info",
    );
  }
  const failing = report.filter((l) => l.status === "FAIL").map((l) => l.component);
  if (failing.length > 0) {
    throw transientError(
      "health-check-failed",
      `Health check failed: ${failing.join(", ")} ${failing.length === 1 ? "is" : "are"} not healthy.`,
    );
  }
  return { report };
};
