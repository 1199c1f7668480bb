"use client";

import type { LogLineView, StatusSnapshot } from "@/lib/live/status-snapshot";
import type { EnvironmentPlan } from "@/lib/plan";
import { EnvironmentStatusView } from "./environment-status-view";

/**
 * The live status page of one environment. Render it from the server page with the snapshot and log lines
 * read for the first render and the plan it was installed with; it then follows the environment's event
 * stream by itself. Keyed by the environment, so opening another one starts from its own state.
 */
export function EnvironmentStatusPage({
  initial,
  initialLogs,
  installPlan,
  timeScale,
}: {
  initial: StatusSnapshot;
  initialLogs: LogLineView[];
  installPlan: EnvironmentPlan;
  timeScale: number;
}) {
  return (
    <EnvironmentStatusView
      key={initial.environment.id}
      initial={initial}
      initialLogs={initialLogs}
      installPlan={installPlan}
      timeScale={timeScale}
    />
  );
}
