import { findPods, objectUid, type ServiceSpec } from "@/lib/engine/sim";
import { podIp } from "../pod-ip";
import type { ObjectByPath } from "../write/json";
import { age, name } from "./columns";
import type { KubeKind } from "./kube-kind";
import { time } from "./metadata-of";

const latest = (times: string[]) => times.reduce((a, b) => (a > b ? a : b));

/** "10.239.1.5:80,10.239.2.7:80 + 2 more...", as the real table abbreviates. */
function endpoints(o: ObjectByPath): string {
  const all: string[] = [];
  for (const subset of o.subsets ?? [])
    for (const a of subset.addresses ?? []) for (const p of subset.ports ?? []) all.push(`${a.ip}:${p.port}`);
  if (all.length === 0) return "<none>";
  return all.length > 3 ? `${all.slice(0, 3).join(",")} + ${all.length - 3} more...` : all.join(",");
}

/** A Service's Endpoints (derived, never written): the addresses of the Running pods it selects (NotReady ones apart), on its target ports. */
export const endpointsKind: KubeKind = {
  resource: {
    group: "",
    version: "v1",
    name: "endpoints",
    singularName: "endpoints",
    kind: "Endpoints",
    namespaced: true,
    shortNames: ["ep"],
    simKind: "Service",
  },
  toObject: (ctx, _r, service) => {
    const spec = service.spec as ServiceSpec;
    const selected =
      Object.keys(spec.selector ?? {}).length > 0
        ? findPods(ctx.sim, { namespace: service.namespace, selector: spec.selector })
        : [];
    const address = (p: (typeof selected)[number]) => ({
      ip: p.spec.nodeName ? podIp(p.spec.nodeName, p.name) : "",
      ...(p.spec.nodeName ? { nodeName: p.spec.nodeName } : {}),
      targetRef: { kind: "Pod", namespace: p.namespace, name: p.name, uid: objectUid(ctx.environmentId, p) },
    });
    const ready = selected.filter((p) => p.status.phase === "Running" && p.spec.nodeName);
    const notReady = selected.filter((p) => !ready.includes(p) && p.spec.nodeName);
    const ports = (spec.ports ?? []).map((p) => ({
      ...(p.name ? { name: p.name } : {}),
      port: p.targetPort ?? p.port,
      protocol: "TCP",
    }));
    return {
      metadata: {
        name: service.name,
        namespace: service.namespace,
        uid: objectUid(ctx.environmentId, { ...service, kind: "Endpoints" }),
        resourceVersion: String(Date.parse(latest([service.updatedAt, ...selected.map((p) => p.updatedAt)]))),
        creationTimestamp: time(service.createdAt),
        ...(spec.manifest ? {} : { labels: { "app.kubernetes.io/managed-by": "clusterport" } }),
      },
      subsets:
        ready.length + notReady.length > 0 && ports.length > 0
          ? [
              {
                ...(ready.length > 0 ? { addresses: ready.map(address) } : {}),
                ...(notReady.length > 0 ? { notReadyAddresses: notReady.map(address) } : {}),
                ports,
              },
            ]
          : [],
    };
  },
  columns: [name, { name: "Endpoints", type: "string", cell: (o) => endpoints(o) }, age],
};
