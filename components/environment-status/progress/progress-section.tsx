"use client";

import { Progress } from "@/components/ui/progress";
import { formatDuration } from "@/lib/format/format-duration";
import type { OperationView, StatusSnapshot } from "@/lib/live/status-snapshot";
import { operationLabels } from "../operation-labels";
import { StatusSection } from "../status-section";
import { estimateRemainingMs } from "./estimate-remaining-ms";
import { operationElapsedMs } from "./operation-elapsed-ms";
import { overallProgress } from "./overall-progress";
import { StepTimeline } from "./step-timeline";

function timeLeftText(operation: OperationView, remainingMs: number | null, elapsed: string): string {
  switch (operation.status) {
    case "succeeded":
      return `Finished in ${elapsed}`;
    case "failed":
      return "Stopped: a step failed";
    case "cancelled":
      return `Cancelled after ${elapsed}`;
    default:
      if (remainingMs === null) return "Unknown";
      if (remainingMs < 1000) return "Finishing…";
      return `About ${formatDuration(remainingMs / 1000)}${operation.status === "queued" ? ", once started" : ""}`;
  }
}

/** The current operation: overall bar (share of estimated work done), elapsed, time left, and the step timeline. */
export function ProgressSection({ snapshot, now }: { snapshot: StatusSnapshot; now: number }) {
  const operation = snapshot.operations[0];
  if (!operation) {
    return (
      <StatusSection id="progress" title="Progress">
        <p className="text-sm text-slate-600">Nothing has run on this environment yet.</p>
      </StatusSection>
    );
  }
  const kind = operationLabels.type[operation.type];
  const percent = operation.status === "succeeded" ? 100 : overallProgress(snapshot.steps, now);
  const elapsed = formatDuration(operationElapsedMs(operation, now) / 1000);
  const active = operation.status === "queued" || operation.status === "running";
  const remaining = active ? estimateRemainingMs(snapshot.steps, now) : null;
  return (
    <StatusSection id="progress" title="Progress">
      <div className="flex flex-col gap-4">
        <div className="flex flex-col gap-2">
          <Progress
            value={percent}
            label={`${kind} progress`}
            showLabel
            tone={operation.status === "failed" ? "danger" : operation.status === "succeeded" ? "success" : "info"}
          />
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <div className="flex gap-1.5">
              <dt className="text-slate-500">{kind}</dt>
              <dd className="font-medium">{operationLabels.status[operation.status]}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-slate-500">Elapsed</dt>
              <dd className="font-medium tabular-nums">{elapsed}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-slate-500">Time left</dt>
              <dd className="font-medium tabular-nums">{timeLeftText(operation, remaining, elapsed)}</dd>
            </div>
          </dl>
        </div>
        <StepTimeline steps={snapshot.steps} stages={snapshot.plan.stages} now={now} />
      </div>
    </StatusSection>
  );
}
