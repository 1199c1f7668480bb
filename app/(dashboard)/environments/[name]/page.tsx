import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlanSummary } from "@/components/install/plan-summary";
import { AutoRefresh } from "@/components/environments/auto-refresh";
import { StatusBadge } from "@/components/environments/status-badge";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/require-user";
import { dashboards, ingressControllers, topologies } from "@/lib/catalog";
import { findEnvironmentEvents } from "@/lib/data/find-environment-events";
import { getEnvironment } from "@/lib/data/get-environment";
import { isTerminal } from "@/lib/environments/environment-status";
import { NotFoundError } from "@/lib/errors";

const endpointLabels: Record<string, string> = {
  cluster: "Cluster",
  apiServer: "API server",
  dashboard: "Dashboard",
  remoteApi: "Remote API",
  grafana: "Grafana",
  prometheus: "Prometheus",
  jaeger: "Jaeger",
};

type Params = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await params).name };
}

export default async function EnvironmentPage({ params }: Params) {
  const { name } = await params;
  const user = await requireUser(`/environments/${name}`);
  const env = await getEnvironment(user.id, name).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  // Operation-level history here; per-step progress belongs to the live timeline.
  const events = (await findEnvironmentEvents(env.id)).filter((e) => !e.type.startsWith("step."));
  const s = env.settings;
  const facts: [string, string][] = [
    ["Region", env.region.name],
    ["Kubernetes", `v${env.version}`],
    ["Topology", topologies[env.topology].name],
    ["Ingress controller", ingressControllers.find((c) => c.id === s.ingress)?.name ?? s.ingress],
    ["Dashboard", dashboards.find((d) => d.id === s.dashboard)?.name ?? s.dashboard],
    ["NFS storage", s.storage ? "On" : "Off"],
    ["Deployment", s.deployment === "clean" ? "Clean cluster" : s.custom.kind === "helm" ? `Helm chart ${s.custom.chart}` : "Kubernetes manifests"],
  ];
  return (
    <div className="space-y-6">
      <AutoRefresh active={!isTerminal(env.status) && env.status !== "running" && env.status !== "failed"} />
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{env.displayName}</h1>
          <p className="font-mono text-sm text-slate-600">{env.domain}</p>
        </div>
        <StatusBadge status={env.status} />
      </header>
      {env.status === "queued" ? (
        <Alert tone="info" title="Queued">
          The install is queued and will start shortly. The plan below is exactly what will be built.
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,28rem)]">
        <div className="space-y-6">
          <section aria-labelledby="settings-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="settings-heading" className="mb-3 font-semibold">Settings</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
              {facts.map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-slate-500">{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </section>
          {env.results ? (
            <section aria-labelledby="endpoints-heading" className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="mb-3 flex items-center justify-between gap-4">
                <h2 id="endpoints-heading" className="font-semibold">Endpoints</h2>
                <a href={`/api/environments/${env.name}/kubeconfig`} download className="text-sm font-medium text-blue-700 underline">
                  Download kubeconfig
                </a>
              </div>
              <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
                {Object.entries(env.results.endpoints).map(([k, url]) => (
                  <div key={k} className="contents">
                    <dt className="text-slate-500">{endpointLabels[k] ?? k}</dt>
                    <dd className="font-mono break-all">{url}</dd>
                  </div>
                ))}
              </dl>
              <h3 className="mt-4 mb-2 font-medium">Health check</h3>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Cluster health check report</caption>
                <tbody>
                  {env.results.health.map((h) => (
                    <tr key={h.component} className="border-t border-slate-100">
                      <th scope="row" className="py-1 font-normal">{h.component}</th>
                      <td className={`py-1 font-medium ${h.status === "OK" ? "text-green-700" : h.status === "FAIL" ? "text-red-700" : "text-slate-500"}`}>
                        {h.status}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          <section aria-labelledby="activity-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="activity-heading" className="mb-3 font-semibold">Activity</h2>
            <ol className="space-y-2 text-sm">
              {events.map((e) => (
                <li key={e.id} className="flex gap-3">
                  <time dateTime={e.createdAt} className="shrink-0 text-slate-500 tabular-nums">
                    {new Date(e.createdAt).toISOString().replace("T", " ").slice(0, 19)} UTC
                  </time>
                  <span>{e.message}</span>
                </li>
              ))}
            </ol>
          </section>
        </div>
        <PlanSummary plan={env.plan} />
      </div>
    </div>
  );
}
