import { CheckCircle2, XCircle } from "lucide-react";
import { formatDuration } from "@/lib/format/format-duration";
import type { EnvironmentPlan } from "@/lib/plan";
import { PlanResources } from "./plan-resources";

/** The plan beside the dialog's fields: what will be built, what it costs, whether it fits, how long it takes. */
export function PlanSummary({
  plan,
  heading = "Plan",
  timeScale = 1,
}: {
  plan: EnvironmentPlan;
  heading?: string;
  /** The engine's ENGINE_TIME_SCALE: the simulation runs the real-world estimates this much faster. */
  timeScale?: number;
}) {
  const stageTitle = new Map(plan.stages.map((s) => [s.id, s.title]));
  return (
    <aside
      aria-labelledby="plan-heading"
      className="space-y-5 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm"
    >
      <div className="flex items-baseline justify-between gap-2">
        <h3 id="plan-heading" className="text-base font-semibold">
          {heading}
        </h3>
        <span className="font-mono text-xs break-all text-slate-600">{plan.domain}</span>
      </div>

      <PlanResources plan={plan} />

      <section aria-labelledby="quota-heading">
        <h4 id="quota-heading" className="mb-1 font-medium">
          Quota check
        </h4>
        <ul className="space-y-1">
          {plan.quota.verdicts.map((v) => (
            <li key={v.quota} className="flex gap-2">
              {v.ok ? (
                <CheckCircle2 aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-green-600" />
              ) : (
                <XCircle aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-red-600" />
              )}
              <span className={v.ok ? "text-slate-700" : "text-red-700"}>
                <span className="sr-only">{v.ok ? "Within quota: " : "Over quota: "}</span>
                {v.message}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="steps-heading">
        <div className="mb-1 flex items-baseline justify-between">
          <h4 id="steps-heading" className="font-medium">
            Install steps
          </h4>
          <span className="text-slate-600">
            Estimated time{" "}
            <strong className="text-slate-900">{formatDuration(plan.estimate.criticalPathSeconds)}</strong>
          </span>
        </div>
        <p className="mb-2 text-xs text-slate-500">
          {plan.steps.length} steps; independent ones run in parallel ({formatDuration(plan.estimate.sequentialSeconds)}{" "}
          one after another).
          {timeScale !== 1 ? (
            <>
              {" "}
              This installation simulates the stages at{" "}
              {timeScale === 0 ? "instant speed" : `${timeScale}× their real duration`}: about{" "}
              <strong>{formatDuration(plan.estimate.criticalPathSeconds * timeScale)}</strong> here.
            </>
          ) : null}
        </p>
        <ol
          className="max-h-64 space-y-0.5 overflow-y-auto rounded border border-slate-200 bg-white p-2 text-xs"
          aria-label="Install steps"
        >
          {plan.steps.map((s) => (
            <li key={s.key} className="flex justify-between gap-2">
              <span>
                <span className="sr-only">{stageTitle.get(s.stage)}: </span>
                {s.title}
              </span>
              <span className="shrink-0 text-slate-500 tabular-nums">{formatDuration(s.estimatedSeconds)}</span>
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}
