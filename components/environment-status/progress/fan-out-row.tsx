"use client";

import { ChevronRight } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Progress } from "@/components/ui/progress";
import type { TimelineRow } from "./group-steps";
import { isStepSlow } from "./is-step-slow";
import { overallProgress } from "./overall-progress";
import { SlowFlag } from "./slow-flag";
import { stepDurationText } from "./step-duration-text";
import { StepRow } from "./step-row";
import { stepStatusLabels } from "./step-status-labels";

/**
 * A step fanned out per node, folded: one row for the name (state, n of m done, span, combined bar) and a
 * disclosure (button with aria-expanded) listing the per-node steps. Opens by itself when one of them failed.
 */
export function FanOutRow({ row, now }: { row: Extract<TimelineRow, { kind: "fan-out" }>; now: number }) {
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? row.summary.status === "failed";
  const { label, tone } = stepStatusLabels[row.summary.status];
  const listId = `steps-${row.id.replace(/[^a-z0-9-]/gi, "-")}`;
  const estimatedMs = Math.max(0, ...row.steps.map((s) => s.estimatedMs));
  const retried = row.summary.attempts > 1;
  const nextRetry =
    row.steps
      .map((s) => (s.status === "retrying" ? s.availableAt : null))
      .filter((t): t is string => t !== null)
      .sort()[0] ?? null;
  return (
    <li className="py-2">
      <div className="grid grid-cols-[5.5rem_minmax(0,1fr)_auto] items-start gap-x-3 gap-y-1">
        <Badge tone={tone} className="justify-self-start">
          {label}
        </Badge>
        <div className="flex min-w-0 flex-col gap-0.5">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setChosen(!open)}
            className="inline-flex cursor-pointer items-center gap-1 self-start rounded text-left text-sm text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            <ChevronRight
              aria-hidden="true"
              className={cn("size-4 shrink-0 transition-transform", open && "rotate-90")}
            />
            {row.title}
            <span className="text-slate-500">({row.steps.length} nodes)</span>
          </button>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
            <span>
              {row.summary.done} of {row.steps.length} done
            </span>
            {retried ? (
              <span>
                up to attempt {row.summary.attempts} of {row.summary.maxAttempts}
              </span>
            ) : null}
            {row.steps.some((s) => isStepSlow(s, now)) ? <SlowFlag /> : null}
          </p>
        </div>
        <p className="text-right text-xs text-slate-600 tabular-nums">
          {stepDurationText({ ...row.summary, estimatedMs, availableAt: nextRetry }, now)}
        </p>
        <Progress
          value={overallProgress(row.steps, now)}
          label={`${row.title} progress`}
          tone={row.summary.status === "failed" ? "danger" : row.summary.status === "succeeded" ? "success" : "info"}
          className="col-start-2 col-end-4"
        />
      </div>
      <ul
        id={listId}
        hidden={!open}
        aria-label={`${row.title}, per node`}
        className="mt-1 ml-4 border-l border-slate-200 pl-3"
      >
        {row.steps.map((step) => (
          <StepRow key={step.key} step={step} now={now} nested />
        ))}
      </ul>
    </li>
  );
}
