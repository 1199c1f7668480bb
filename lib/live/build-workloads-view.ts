import type { WorkloadObject } from "@/lib/engine";
import type { WorkloadsView } from "./status-snapshot";

type Ports = { port: number; nodePort?: number }[];

type Counts = { pods?: number; objects?: number };

/** The cluster's namespaces, workloads, pods and services for the Workloads section: what kubectl would list. */
export function buildWorkloadsView(objects: readonly WorkloadObject[]): WorkloadsView {
  const of = (kind: string) => objects.filter((o) => o.kind === kind);
  const quota = of("ResourceQuota")[0];
  const hard = (quota?.spec.hard ?? {}) as Counts;
  const used = (quota?.status.used ?? {}) as Counts;
  return {
    ...(quota
      ? {
          quota: {
            pods: { used: Number(used.pods ?? 0), hard: Number(hard.pods ?? 0) },
            objects: { used: Number(used.objects ?? 0), hard: Number(hard.objects ?? 0) },
          },
        }
      : {}),
    namespaces: of("Namespace").map((o) => o.name),
    workloads: objects
      .filter((o) => o.kind === "Deployment" || o.kind === "StatefulSet" || o.kind === "DaemonSet")
      .map((o) => ({
        kind: o.kind as WorkloadsView["workloads"][number]["kind"],
        namespace: o.namespace,
        name: o.name,
        ready: Number(o.status.ready ?? 0),
        // As kubectl's READY column: of what was asked for (a quota may hold pods back), a DaemonSet of its nodes.
        desired: Number(o.spec.replicas ?? o.status.desired ?? 0),
        image: String(o.spec.image ?? ""),
      })),
    pods: of("Pod").map((o) => ({
      namespace: o.namespace,
      name: o.name,
      node: (o.spec.nodeName as string | null | undefined) ?? null,
      phase: String(o.status.phase ?? "Pending"),
      reason: (o.status.message as string | undefined) ?? (o.status.reason as string | undefined) ?? null,
    })),
    services: of("Service").map((o) => ({
      namespace: o.namespace,
      name: o.name,
      type: String(o.spec.type ?? "ClusterIP"),
      clusterIP: String(o.spec.clusterIP ?? ""),
      ports: ((o.spec.ports as Ports | undefined) ?? [])
        .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/TCP`)
        .join(", "),
    })),
  };
}
