import {
  applyIngress,
  applyPersistentVolumeClaim,
  applyService,
  applyWorkload,
  ensureNamespace,
  type ApplyResult,
  type IngressPath,
  type JsonObject,
  type ServicePort,
  type Sim,
} from "@/lib/engine/sim";
import type { ManifestObject } from "./parse-manifest-objects";

/**
 * `kubectl apply` of one user object. Kinds the simulation runs (Namespace, Deployment, StatefulSet, DaemonSet,
 * Service, Ingress, PersistentVolumeClaim) are translated to its model — pods, routes and volumes then follow
 * — and keep the manifest; any other kind is stored as { apiVersion, manifest }.
 */
export function applyManifestObject(sim: Sim, o: ManifestObject, defaultIngressClass: string): ApplyResult {
  const spec = obj(o.doc.spec);
  switch (o.kind) {
    case "Namespace":
      return ensureNamespace(sim, o.name);
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet": {
      const template = obj(spec.template);
      const podSpec = obj(template.spec);
      const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
      const image = obj(containers[0]).image;
      const labels = strings(obj(spec.selector).matchLabels) ??
        strings(obj(template.metadata).labels) ?? { app: o.name };
      return applyWorkload(sim, o.kind, {
        namespace: o.namespace,
        name: o.name,
        image: typeof image === "string" ? image : "unknown",
        labels,
        ...(o.kind === "DaemonSet" ? {} : { replicas: typeof spec.replicas === "number" ? spec.replicas : 1 }),
        manifest: o.doc,
      });
    }
    case "Service": {
      const ports: ServicePort[] = (Array.isArray(spec.ports) ? spec.ports : []).map((p) => {
        const port = obj(p);
        return {
          port: typeof port.port === "number" ? port.port : 80,
          ...(typeof port.name === "string" ? { name: port.name } : {}),
          ...(typeof port.targetPort === "number" ? { targetPort: port.targetPort } : {}),
          ...(typeof port.nodePort === "number" ? { nodePort: port.nodePort } : {}),
        };
      });
      const type = spec.type === "NodePort" || spec.type === "LoadBalancer" ? spec.type : "ClusterIP";
      return applyService(sim, {
        namespace: o.namespace,
        name: o.name,
        ports,
        selector: strings(spec.selector) ?? {},
        type,
      });
    }
    case "Ingress": {
      const paths: IngressPath[] = [];
      for (const rule of Array.isArray(spec.rules) ? spec.rules : []) {
        for (const p of (obj(obj(rule).http).paths as unknown[] | undefined) ?? []) {
          const service = obj(obj(obj(p).backend).service);
          const port = obj(service.port).number;
          paths.push({
            path: typeof obj(p).path === "string" ? (obj(p).path as string) : "/",
            service: typeof service.name === "string" ? service.name : "",
            port: typeof port === "number" ? port : 80,
          });
        }
      }
      const annotations = strings(obj(o.doc.metadata).annotations);
      return applyIngress(sim, {
        namespace: o.namespace,
        name: o.name,
        ingressClassName: typeof spec.ingressClassName === "string" ? spec.ingressClassName : defaultIngressClass,
        paths,
        ...(annotations ? { annotations } : {}),
      });
    }
    case "PersistentVolumeClaim": {
      const storage = obj(obj(spec.resources).requests).storage;
      return applyPersistentVolumeClaim(sim, {
        namespace: o.namespace,
        name: o.name,
        size: typeof storage === "string" ? storage : "1Gi",
        storageClassName: typeof spec.storageClassName === "string" ? spec.storageClassName : null,
      });
    }
    default:
      return sim.objects.apply({
        kind: o.kind,
        namespace: o.namespace,
        name: o.name,
        spec: { apiVersion: o.apiVersion, manifest: o.doc },
      }).result;
  }
}

function obj(value: unknown): JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

function strings(value: unknown): Record<string, string> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value))
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[k] = String(v);
  return Object.keys(out).length > 0 ? out : undefined;
}
