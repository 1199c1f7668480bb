import { PlanResources } from "@/components/install/plan-resources";
import { PlanSummary } from "@/components/install/plan-summary";
import type { StatusSnapshot } from "@/lib/live/status-snapshot";
import type { EnvironmentPlan } from "@/lib/plan";
import { planPanelView } from "./plan-panel-view";

/**
 * The side panel of the status page. While installing, the install's plan as the dialog showed it; once the
 * cluster ran, the cluster as it is now, live (a change replaces the plan); deleted or cancelled, only that it
 * costs nothing. A cluster that exists is one of the account's environments, not "one more", and its install
 * estimate is history, so neither is shown.
 */
export function PlanPanel({
  snapshot,
  installPlan,
  timeScale,
}: {
  snapshot: StatusSnapshot;
  installPlan: EnvironmentPlan;
  timeScale: number;
}) {
  const { environment } = snapshot;
  const view = planPanelView(environment.status, snapshot.results !== null);
  if (view === "install") return <PlanSummary plan={installPlan} timeScale={timeScale} />;
  return (
    <aside
      aria-labelledby="plan-heading"
      className="space-y-5 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm"
    >
      <div className="flex items-baseline justify-between gap-2">
        <h3 id="plan-heading" className="text-base font-semibold">
          Cluster
        </h3>
        <span className="font-mono text-xs break-all text-slate-600">{environment.domain}</span>
      </div>
      {view === "gone" ? (
        <p className="text-slate-700">
          {environment.status === "cancelled" ? "Cancelled" : "Deleted"}: its nodes are gone and it costs nothing.
        </p>
      ) : (
        <PlanResources plan={snapshot.plan} />
      )}
    </aside>
  );
}
