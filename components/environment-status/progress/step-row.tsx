import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Progress } from "@/components/ui/progress";
import type { StepView } from "@/lib/live/status-snapshot";
import { stepFraction } from "@/lib/live/step-fraction";
import { isStepSlow } from "./is-step-slow";
import { SlowFlag } from "./slow-flag";
import { stepDurationText } from "./step-duration-text";
import { stepLabel } from "./step-label";
import { stepStatusLabels } from "./step-status-labels";

/** One step of the timeline: state, title (with its node), attempt n of m once retried, duration (live while running), its own bar, slow flag, last error. */
export function StepRow({ step, now, nested = false }: { step: StepView; now: number; nested?: boolean }) {
  const { label: statusLabel, tone } = stepStatusLabels[step.status];
  const label = stepLabel(step);
  const percent = stepFraction(step, now) * 100;
  return (
    <li
      className={cn("grid grid-cols-[5.5rem_minmax(0,1fr)_auto] items-start gap-x-3 gap-y-1 py-2", nested && "py-1.5")}
    >
      <Badge tone={tone} className="justify-self-start">
        {statusLabel}
      </Badge>
      <div className="flex min-w-0 flex-col gap-0.5">
        <p className="text-sm text-slate-900">{label.title}</p>
        {label.attempts || isStepSlow(step, now) ? (
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
            {label.attempts ? <span>{label.attempts}</span> : null}
            {isStepSlow(step, now) ? <SlowFlag /> : null}
          </p>
        ) : null}
        {step.error && (step.status === "retrying" || step.status === "failed") ? (
          <p className={cn("text-xs", step.status === "failed" ? "text-red-700" : "text-amber-800")}>
            {step.status === "retrying"
              ? step.error.fixableBy === "user"
                ? "Waiting for you: "
                : `Attempt ${step.attempts} failed: `
              : null}
            {step.error.message}
          </p>
        ) : null}
      </div>
      <p className="text-right text-xs text-slate-600 tabular-nums">{stepDurationText(step, now)}</p>
      <Progress
        value={percent}
        label={`${label.title} progress`}
        tone={step.status === "failed" ? "danger" : step.status === "succeeded" ? "success" : "info"}
        className="col-start-2 col-end-4"
      />
    </li>
  );
}
