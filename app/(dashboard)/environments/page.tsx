import type { Metadata } from "next";
import Link from "next/link";
import { Boxes } from "lucide-react";
import { StatusBadge } from "@/components/environments/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { requireUser } from "@/lib/auth/require-user";
import { topologies } from "@/lib/catalog";
import { findEnvironments } from "@/lib/data/find-environments";
import { formatMoney } from "@/lib/format/format-money";

export const metadata: Metadata = { title: "Environments" };

export default async function EnvironmentsPage() {
  const user = await requireUser("/environments");
  const environments = await findEnvironments(user.id);
  return (
    <div>
      <div className="mb-6 flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Environments</h1>
        <LinkButton href="/marketplace/kubernetes-cluster/install">New Kubernetes cluster</LinkButton>
      </div>
      {environments.length === 0 ? (
        <EmptyState
          icon={<Boxes aria-hidden="true" />}
          title="No environments yet"
          text="Install a Kubernetes cluster from the Marketplace; it appears here while it is built."
          action={<LinkButton href="/marketplace">Open the Marketplace</LinkButton>}
        />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your environments</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Environment</th>
                <th scope="col" className="px-4 py-2 font-medium">Status</th>
                <th scope="col" className="px-4 py-2 font-medium">Topology</th>
                <th scope="col" className="px-4 py-2 font-medium">Kubernetes</th>
                <th scope="col" className="px-4 py-2 font-medium">Region</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">Nodes</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">Per month</th>
              </tr>
            </thead>
            <tbody>
              {environments.map((e) => (
                <tr key={e.id} className="border-t border-slate-200">
                  <th scope="row" className="px-4 py-2 font-medium">
                    <Link href={`/environments/${e.name}`} className="text-blue-700 underline">
                      {e.displayName}
                    </Link>
                    <span className="block font-mono text-xs font-normal text-slate-500">{e.domain}</span>
                  </th>
                  <td className="px-4 py-2">
                    <StatusBadge status={e.status} />
                  </td>
                  <td className="px-4 py-2">{topologies[e.topology].name}</td>
                  <td className="px-4 py-2">v{e.version}</td>
                  <td className="px-4 py-2">{e.region.name}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{e.nodes}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatMoney(e.monthlyPrice)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
