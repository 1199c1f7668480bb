import type { PlanNodeGroup } from "@/lib/plan";

const roleColour: Record<PlanNodeGroup["role"], string> = {
  "api-balancer": "border-violet-300 bg-violet-50 text-violet-900",
  "control-plane": "border-blue-300 bg-blue-50 text-blue-900",
  worker: "border-emerald-300 bg-emerald-50 text-emerald-900",
  storage: "border-amber-300 bg-amber-50 text-amber-900",
};

/**
 * The cluster as layers, traffic flowing top to bottom: API balancers, control planes, workers, storage.
 * `nodeClass` lets the status page colour each node by its state.
 */
export function TopologyPicture({
  groups,
  nodeClass,
  label = "Topology",
}: {
  groups: readonly PlanNodeGroup[];
  nodeClass?: (nodeId: string) => string | undefined;
  label?: string;
}) {
  return (
    <figure aria-label={label} className="space-y-2">
      {groups.map((g, i) => (
        <div key={g.id}>
          {i > 0 ? <div aria-hidden="true" className="mx-auto h-2 w-px bg-slate-300" /> : null}
          <div className="rounded-md border border-dashed border-slate-300 p-2">
            <p className="mb-1 text-xs font-medium text-slate-600">
              {g.name} <span className="font-normal">× {g.count}</span>
            </p>
            <ul className="flex flex-wrap gap-1.5">
              {g.nodes.map((n) => (
                <li
                  key={n.id}
                  title={n.hostname}
                  className={`rounded border px-2 py-0.5 font-mono text-xs ${nodeClass?.(n.id) ?? roleColour[g.role]}`}
                >
                  {n.id}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ))}
    </figure>
  );
}
