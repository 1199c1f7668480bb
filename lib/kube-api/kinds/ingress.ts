import type { IngressSpec } from "@/lib/engine/sim";
import { admitIngressSpec } from "../write/admit-ingress";
import { objectAt, stringMap, type Json } from "../write/json";
import { age, name, none } from "./columns";
import type { KubeKind } from "./kube-kind";
import { metadataOf } from "./metadata-of";

export const ingressKind: KubeKind = {
  resource: {
    group: "networking.k8s.io",
    version: "v1",
    name: "ingresses",
    singularName: "ingress",
    kind: "Ingress",
    namespaced: true,
    shortNames: ["ing"],
    simKind: "Ingress",
  },
  toObject: (ctx, r, o) => {
    const s = o.spec as Json;
    const paths = (s.paths as { path: string; service: string; port: number }[]) ?? [];
    return {
      metadata: metadataOf(ctx, r, o, s.annotations ? { annotations: s.annotations } : {}),
      spec: {
        ingressClassName: s.ingressClassName,
        rules: [
          {
            ...(s.host ? { host: s.host } : {}),
            http: {
              paths: paths.map((p) => ({
                path: p.path,
                pathType: "Prefix",
                backend: { service: { name: p.service, port: { number: p.port } } },
              })),
            },
          },
        ],
        ...(s.tlsSecretName ? { tls: [{ hosts: [s.host], secretName: s.tlsSecretName }] } : {}),
      },
      status: { loadBalancer: { ingress: [{ hostname: ctx.plan.domain }] } },
    };
  },
  written: (ctx) => ({ status: { loadBalancer: { ingress: [{ hostname: ctx.plan.domain }] } } }),
  columns: [
    name,
    { name: "Class", type: "string", cell: (o) => none(o.spec.ingressClassName) },
    { name: "Hosts", type: "string", cell: (o) => o.spec.rules.map((r: Json) => r.host ?? "*").join(",") },
    {
      name: "Address",
      type: "string",
      cell: (o) => o.status.loadBalancer.ingress?.map((i: Json) => i.hostname ?? i.ip).join(",") ?? "",
    },
    { name: "Ports", type: "string", cell: (o) => (o.spec.tls ? "80, 443" : "80") },
    age,
  ],
  write: {
    admit: ({ body, head, metadata, generation, cluster, errors }) => {
      const { spec, facts } = admitIngressSpec(objectAt(body.spec), cluster.defaultIngressClass, errors);
      return {
        manifest: { ...head, metadata: { ...metadata, generation: generation(spec) }, spec },
        // The routes are what the simulation serves; the manifest is what the API returns.
        store: (sim, { name, namespace, metadata, manifest }) => {
          const stored: IngressSpec = {
            ...facts,
            ...(metadata.annotations ? { annotations: stringMap(metadata.annotations) ?? {} } : {}),
            manifest,
          };
          sim.objects.apply({ kind: "Ingress", namespace, name, spec: stored });
        },
      };
    },
  },
};
