import type { ServicePort, ServiceSpec } from "@/lib/engine/sim";
import { admitServiceSpec } from "../write/admit-service";
import { objectAt, stringMap, type Json } from "../write/json";
import { age, name, none, selector } from "./columns";
import type { KubeKind } from "./kube-kind";
import { metadataOf } from "./metadata-of";

export const serviceKind: KubeKind = {
  resource: {
    group: "",
    version: "v1",
    name: "services",
    singularName: "service",
    kind: "Service",
    namespaced: true,
    shortNames: ["svc"],
    simKind: "Service",
  },
  toObject: (ctx, r, o) => {
    const s = o.spec as Json;
    const ports = (s.ports as { name?: string; port: number; targetPort?: number; nodePort?: number }[]) ?? [];
    return {
      metadata: metadataOf(ctx, r, o),
      spec: {
        type: s.type,
        clusterIP: s.clusterIP,
        clusterIPs: [s.clusterIP],
        selector: s.selector,
        ports: ports.map((p) => ({
          ...(p.name ? { name: p.name } : {}),
          protocol: "TCP",
          port: p.port,
          targetPort: p.targetPort ?? p.port,
          ...(p.nodePort ? { nodePort: p.nodePort } : {}),
        })),
      },
      status: { loadBalancer: {} },
    };
  },
  written: (ctx, _r, _o, manifest) => ({
    status: {
      loadBalancer: objectAt(manifest.spec).type === "LoadBalancer" ? { ingress: [{ hostname: ctx.plan.domain }] } : {},
    },
  }),
  columns: [
    name,
    { name: "Type", type: "string", cell: (o) => o.spec.type },
    { name: "Cluster-IP", type: "string", cell: (o) => none(o.spec.clusterIP) },
    { name: "External-IP", type: "string", cell: () => "<none>" },
    {
      name: "Port(s)",
      type: "string",
      cell: (o) =>
        o.spec.ports.map((p: Json) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol}`).join(",") ||
        "<none>",
    },
    age,
    { name: "Selector", type: "string", priority: 1, cell: (o) => selector(o.spec.selector) },
  ],
  write: {
    admit: ({ body, head, metadata, previousSpec, key, cluster, errors }) => ({
      manifest: {
        ...head,
        metadata,
        spec: admitServiceSpec(
          objectAt(body.spec),
          previousSpec,
          { usedNodePorts: cluster.usedNodePorts, key },
          errors,
        ),
      },
      // The selector and ports are what the simulation routes by; the manifest is what the API returns.
      store: (sim, { name, namespace, manifest }) => {
        const spec = objectAt(manifest.spec);
        const ports: ServicePort[] = (Array.isArray(spec.ports) ? spec.ports.map(objectAt) : []).map((p) => ({
          port: Number(p.port),
          ...(typeof p.name === "string" ? { name: p.name } : {}),
          ...(typeof p.targetPort === "number" ? { targetPort: p.targetPort } : {}),
          ...(typeof p.nodePort === "number" ? { nodePort: p.nodePort } : {}),
        }));
        const type = spec.type === "NodePort" || spec.type === "LoadBalancer" ? spec.type : "ClusterIP";
        const simSpec: ServiceSpec = {
          type,
          selector: stringMap(spec.selector) ?? {},
          ports,
          ...(typeof spec.clusterIP === "string" ? { clusterIP: spec.clusterIP } : {}),
          manifest,
        };
        sim.objects.apply({ kind: "Service", namespace, name, spec: simSpec });
      },
    }),
  },
};
