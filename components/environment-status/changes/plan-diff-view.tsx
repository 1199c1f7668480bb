import { Alert } from "@/components/ui/alert";
import { formatDuration } from "@/lib/format/format-duration";
import { formatCpu, formatMemory } from "@/lib/format/format-memory";
import { formatMoney } from "@/lib/format/format-money";
import type { PlanDiff } from "@/lib/plan";

function Change({ before, after }: { before: string; after: string }) {
  return before === after ? (
    <span>{after} (unchanged)</span>
  ) : (
    <span>
      {before} → <strong className="font-semibold">{after}</strong>
    </span>
  );
}

/**
 * A change's plan diff, before anything happens: nodes added and removed, resources and price per month before
 * → after, the quota afterwards, and the steps with their estimated time.
 */
export function PlanDiffView({
  diff,
  problems,
  timeScale,
}: {
  diff: PlanDiff;
  problems: readonly string[];
  timeScale: number;
}) {
  const { nodes, resources, price } = diff;
  return (
    <div className="flex flex-col gap-4 text-sm" aria-label="What this change does" role="group">
      {problems.length > 0 ? (
        <Alert tone="danger" title="This change is not possible on your plan">
          <ul className="list-disc pl-4">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5">
        <dt className="font-medium text-slate-600">Nodes</dt>
        <dd>
          <Change before={String(nodes.before)} after={String(nodes.after)} />
          {nodes.added.length > 0 ? <div>Adds {nodes.added.map((n) => `${n.id} (${n.group})`).join(", ")}</div> : null}
          {nodes.removed.length > 0 ? (
            <div>Removes {nodes.removed.map((n) => `${n.id} (${n.group})`).join(", ")}</div>
          ) : null}
        </dd>
        <dt className="font-medium text-slate-600">Memory</dt>
        <dd>
          <Change before={formatMemory(resources.before.ramMiB)} after={formatMemory(resources.after.ramMiB)} />
        </dd>
        <dt className="font-medium text-slate-600">CPU</dt>
        <dd>
          <Change before={formatCpu(resources.before.cpuMHz)} after={formatCpu(resources.after.cpuMHz)} />
        </dd>
        <dt className="font-medium text-slate-600">Disk</dt>
        <dd>
          <Change before={`${resources.before.diskGb} GB`} after={`${resources.after.diskGb} GB`} />
        </dd>
        <dt className="font-medium text-slate-600">Price per month</dt>
        <dd>
          <Change before={formatMoney(price.before.monthly)} after={formatMoney(price.after.monthly)} />
        </dd>
      </dl>
      <div>
        <h3 className="mb-1 font-medium text-slate-600">Quota afterwards</h3>
        <ul className="flex flex-col gap-0.5" aria-label="Quota afterwards">
          {diff.quota.verdicts.map((v) => (
            <li key={v.quota} className={v.ok ? "text-slate-700" : "font-medium text-red-700"}>
              {v.ok ? "✓" : "✗"} {v.message}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="mb-1 font-medium text-slate-600">
          Steps ({diff.steps.length}, about {formatDuration(diff.estimate.criticalPathSeconds)})
        </h3>
        <ol className="list-decimal pl-5" aria-label="Steps of this change">
          {diff.steps.map((s) => (
            <li key={s.key}>
              {s.title} <span className="text-slate-500">· ~{formatDuration(s.estimatedSeconds)}</span>
            </li>
          ))}
        </ol>
        {timeScale !== 1 ? (
          <p className="mt-1 text-xs text-slate-500">
            Clusterport simulates these steps at{" "}
            {timeScale === 0 ? "instant speed" : `${timeScale}× their real duration`}: about{" "}
            {formatDuration(diff.estimate.criticalPathSeconds * timeScale)} here.
          </p>
        ) : null}
      </div>
    </div>
  );
}
