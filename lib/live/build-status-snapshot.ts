import { findRegion, nodeGroupById, nodeGroups, type NodeGroupId } from "@/lib/catalog";
import type { Pool } from "@/lib/db/pool";
import { ingressAddressFor, readEnvironmentState, type EnvironmentState } from "@/lib/engine";
import { isEnvironmentStatus } from "@/lib/environments/environment-status";
import { canRollBackChange } from "@/lib/environments/operation-types";
import { kubernetesApiUrl } from "@/lib/kube-api/kubernetes-api-url";
import { withKubernetesApiEndpoint } from "@/lib/kube-api/with-kubernetes-api-endpoint";
import { buildWorkloadsView } from "./build-workloads-view";
import type { CredentialName, NodeView, OperationView, StatusSnapshot, StepView } from "./status-snapshot";

const credentialLabels: Record<CredentialName, string> = {
  "admin-token": "Admin token",
  "grafana-password": "Grafana password",
  "jaeger-password": "Jaeger password",
};

/** The status page's whole state for one environment (no secrets), from one consistent read. */
export async function buildStatusSnapshot(
  pool: Pool,
  environmentId: string,
  timeScale: number,
  appUrl: string,
  now = new Date(),
): Promise<StatusSnapshot> {
  const state = await readEnvironmentState(pool, { id: environmentId });
  if (!state) throw new Error(`Environment ${environmentId} does not exist.`);
  return toStatusSnapshot(state, timeScale, appUrl, now);
}

export function toStatusSnapshot(
  state: EnvironmentState,
  timeScale: number,
  appUrl: string,
  now: Date,
): StatusSnapshot {
  const { environment: env } = state;
  const settings = env.settings;
  const plan = env.plan;
  const operations = state.operations.map((o, i): OperationView => ({
    id: o.id,
    type: o.type as OperationView["type"],
    status: o.status as OperationView["status"],
    summary: o.params?.summary ?? null,
    canRollBack: i === 0 && o.status === "failed" && canRollBackChange(o.type, o.params),
    actor: o.actor,
    createdAt: o.createdAt.toISOString(),
    startedAt: iso(o.startedAt),
    finishedAt: iso(o.finishedAt),
    error: o.error,
  }));
  const steps = state.steps.map((s): StepView => ({
    key: s.key,
    name: s.name,
    title: s.title,
    stage: s.stage,
    node: s.node,
    status: s.status as StepView["status"],
    attempts: s.attempts,
    maxAttempts: s.maxAttempts,
    // Wall-clock, as the page measures elapsed time; never 0, so progress stays a fraction.
    estimatedMs: Math.max(1, Math.round(s.estimatedMs * timeScale)),
    dependsOn: s.dependsOn,
    startedAt: iso(s.startedAt),
    attemptStartedAt: iso(s.attemptStartedAt),
    finishedAt: iso(s.finishedAt),
    availableAt: s.status === "retrying" ? s.availableAt.toISOString() : null,
    error: s.error
      ? { message: s.error.message, fixableBy: s.error.fixableBy, action: s.error.action, transient: s.error.transient }
      : null,
  }));
  const nodes = state.machines.map((m): NodeView => {
    const spec = nodeGroupById[m.nodeGroup as NodeGroupId];
    const kube = m.nodeGroup === nodeGroups.controlPlane.id || m.nodeGroup === nodeGroups.workers.id;
    const facts = m.facts as { kubeletVersion?: string; kubernetesVersion?: string };
    return {
      id: m.nodeId,
      group: m.nodeGroup,
      groupName: spec?.name ?? m.nodeGroup,
      role: spec?.role ?? m.nodeGroup,
      hostname: m.hostname,
      privateIp: m.privateIp,
      state: m.state,
      kubernetesVersion: kube
        ? (facts.kubeletVersion ?? facts.kubernetesVersion ?? (m.state === "running" ? `v${settings.version}` : null))
        : null,
      ready: kube ? (state.nodeReady[m.nodeId] ?? false) : null,
    };
  });
  const credentials = state.secretNames
    .filter((n): n is CredentialName => n in credentialLabels)
    .map((name) => ({ name, label: credentialLabels[name] }));

  return {
    environment: {
      id: env.id,
      name: env.name,
      displayName: env.displayName,
      domain: env.domain,
      region: { id: env.region, name: findRegion(env.region)?.name ?? env.region },
      version: settings.version,
      topology: plan.topology,
      status: isEnvironmentStatus(env.status) ? env.status : "failed",
      createdAt: env.createdAt.toISOString(),
      storage: settings.storage,
      addons: settings.addons,
      autoscaling: settings.autoscaling ?? null,
      ingressAddress: ingressAddressFor(env.id),
      kubernetesApi: kubernetesApiUrl(env.id, appUrl),
    },
    plan: {
      nodeGroups: plan.nodeGroups,
      stages: plan.stages,
      endpoints: withKubernetesApiEndpoint(plan.endpoints, env.id, appUrl),
      estimate: plan.estimate,
      totals: plan.totals,
      price: plan.price,
      ...(plan.addonRequests ? { addonRequests: plan.addonRequests } : {}),
    },
    operations,
    steps,
    nodes,
    results: env.results && {
      ...env.results,
      endpoints: withKubernetesApiEndpoint(env.results.endpoints, env.id, appUrl),
    },
    registry: state.registry,
    workloads: buildWorkloadsView(state.workloads),
    credentials,
    lastEventId: state.lastEventSeq,
    lastLogId: state.lastLogSeq,
    serverTime: now.toISOString(),
  };
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}
