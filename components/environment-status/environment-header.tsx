import type { ReactNode } from "react";
import { StatusBadge } from "@/components/environments/status-badge";
import { topologies } from "@/lib/catalog";
import type { StatusSnapshot } from "@/lib/live/status-snapshot";
import { ConnectionIndicator } from "./live/connection-indicator";
import type { FeedConnection } from "./live/use-environment-feed";

/** Name, domain, facts, status (a live region, so changes are announced), connection and the actions slot. */
export function EnvironmentHeader({
  environment,
  connection,
  actions,
}: {
  environment: StatusSnapshot["environment"];
  connection: FeedConnection;
  actions: ReactNode;
}) {
  const facts: [string, string][] = [
    ["Region", environment.region.name],
    ["Kubernetes", `v${environment.version}`],
    ["Topology", topologies[environment.topology]?.name ?? environment.topology],
  ];
  return (
    <header className="flex flex-wrap items-start justify-between gap-4">
      <div className="flex min-w-0 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold text-slate-900">{environment.displayName}</h1>
          <div role="status" aria-label="Environment status">
            <StatusBadge status={environment.status} />
          </div>
          <ConnectionIndicator connection={connection} />
        </div>
        <p className="font-mono text-sm break-all text-slate-600">{environment.domain}</p>
        <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
          {facts.map(([term, value]) => (
            <div key={term} className="flex gap-1.5">
              <dt className="text-slate-500">{term}</dt>
              <dd className="font-medium text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      {actions}
    </header>
  );
}
