"use client";

import type { ReactNode } from "react";
import type { LogLineView, StatusSnapshot } from "@/lib/live/status-snapshot";
import { EnvironmentStatusView } from "./environment-status-view";

/**
 * The live status page of one environment. Render it from the server page with the snapshot and log lines
 * read for the first render; it then follows the environment's event stream by itself. `aside` (optional)
 * goes under the side column, e.g. the plan summary. Keyed by the environment, so opening another one starts
 * from its own state.
 */
export function EnvironmentStatusPage({
  initial,
  initialLogs,
  aside,
  timeScale,
}: {
  initial: StatusSnapshot;
  initialLogs: LogLineView[];
  aside?: ReactNode;
  timeScale: number;
}) {
  return <EnvironmentStatusView key={initial.environment.id} initial={initial} initialLogs={initialLogs} aside={aside} timeScale={timeScale} />;
}
