import { findRegion } from "@/lib/catalog";
import { ingressAddressFor, type EnvironmentRecord, type EnvironmentResults } from "@/lib/engine";
import { isEnvironmentStatus, type EnvironmentStatus } from "@/lib/environments/environment-status";
import { withKubernetesApiEndpoint } from "@/lib/kube-api/with-kubernetes-api-endpoint";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";

export type EnvironmentSummary = {
  id: string;
  name: string;
  displayName: string;
  domain: string;
  /** The public address of the cluster's ingress: where `domain` resolves, and where a custom domain must point. */
  ingressAddress: string;
  region: { id: string; name: string };
  status: EnvironmentStatus;
  version: string;
  topology: EnvironmentPlan["topology"];
  nodes: number;
  monthlyPrice: number;
  createdAt: string;
};

export type EnvironmentDetail = EnvironmentSummary & {
  settings: InstallSettings;
  plan: EnvironmentPlan;
  /** Endpoints and health report once the install succeeded; no secrets. */
  results: EnvironmentResults | null;
};

export function toEnvironmentSummary(row: EnvironmentRecord): EnvironmentSummary {
  return {
    id: row.id,
    name: row.name,
    displayName: row.displayName,
    domain: row.domain,
    ingressAddress: ingressAddressFor(row.id),
    region: { id: row.region, name: findRegion(row.region)?.name ?? row.region },
    status: isEnvironmentStatus(row.status) ? row.status : "failed",
    version: row.settings.version,
    topology: row.plan.topology,
    nodes: row.plan.totals.nodes,
    monthlyPrice: row.plan.price.monthly,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export function toEnvironmentDetail(row: EnvironmentRecord): EnvironmentDetail {
  return {
    ...toEnvironmentSummary(row),
    settings: row.settings,
    plan: { ...row.plan, endpoints: withKubernetesApiEndpoint(row.plan.endpoints, row.id) },
    results: row.results && { ...row.results, endpoints: withKubernetesApiEndpoint(row.results.endpoints, row.id) },
  };
}
