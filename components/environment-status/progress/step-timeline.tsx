"use client";

import { useMemo } from "react";
import type { StepView } from "@/lib/live/status-snapshot";
import type { PlanStage } from "@/lib/plan";
import { FanOutRow } from "./fan-out-row";
import { groupSteps } from "./group-steps";
import { StepRow } from "./step-row";

/** The operation's steps by stage, per-node fan-out folded under its stage. */
export function StepTimeline({ steps, stages, now }: { steps: StepView[]; stages: readonly PlanStage[]; now: number }) {
  const timeline = useMemo(() => groupSteps(steps, stages), [steps, stages]);
  if (timeline.length === 0) return <p className="text-sm text-slate-600">This operation has no steps yet.</p>;
  return (
    <ol aria-label="Steps by stage" className="flex flex-col gap-4">
      {timeline.map((stage) => (
        <li key={stage.id}>
          <h3 className="border-b border-slate-100 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {stage.title}
          </h3>
          <ul className="divide-y divide-slate-100">
            {stage.rows.map((row) =>
              row.kind === "step" ? (
                <StepRow key={row.step.key} step={row.step} now={now} />
              ) : (
                <FanOutRow key={row.id} row={row} now={now} />
              ),
            )}
          </ul>
        </li>
      ))}
    </ol>
  );
}
