import { encryptSecret } from "@/lib/crypto/secret-box";
import { applyWorkload, shortHash, stableJson, type IngressSpec, type ServicePort, type ServiceSpec, type Sim } from "@/lib/engine/sim";
import type { Admitted } from "./admit-object";
import { objectAt, stringMap } from "./json";

/**
 * Writes an admitted object into the simulation: the manifest kept as written (it is what the API returns),
 * beside what the simulation acts on — a Deployment's pods (image, labels, replicas, requests, template hash),
 * a Service's selector and ports, an Ingress's routes. A Secret's values are kept only encrypted.
 */
export function storeObject(sim: Sim, admitted: Admitted, encryptionKey: string): void {
  const metadata = objectAt(admitted.manifest.metadata);
  const name = String(metadata.name);
  const namespace = typeof metadata.namespace === "string" ? metadata.namespace : "";
  const manifest = admitted.manifest;
  switch (admitted.kind) {
    case "Namespace":
      sim.objects.apply({ kind: "Namespace", name, spec: { manifest }, status: { phase: "Active" } });
      return;
    case "Deployment": {
      const f = admitted.facts;
      applyWorkload(sim, "Deployment", {
        namespace,
        name,
        image: f.image,
        labels: f.labels,
        replicas: f.replicas,
        manifest,
        ...(f.requests ? { requests: f.requests } : {}),
        templateHash: shortHash(stableJson(f.template), 10),
      });
      return;
    }
    case "Service": {
      const spec = objectAt(manifest.spec);
      const ports: ServicePort[] = (Array.isArray(spec.ports) ? spec.ports.map(objectAt) : []).map((p) => ({
        port: Number(p.port),
        ...(typeof p.name === "string" ? { name: p.name } : {}),
        ...(typeof p.targetPort === "number" ? { targetPort: p.targetPort } : {}),
        ...(typeof p.nodePort === "number" ? { nodePort: p.nodePort } : {}),
      }));
      const type = spec.type === "NodePort" || spec.type === "LoadBalancer" ? spec.type : "ClusterIP";
      const simSpec: ServiceSpec = { type, selector: stringMap(spec.selector) ?? {}, ports, ...(typeof spec.clusterIP === "string" ? { clusterIP: spec.clusterIP } : {}), manifest };
      sim.objects.apply({ kind: "Service", namespace, name, spec: simSpec });
      return;
    }
    case "ConfigMap":
      sim.objects.apply({ kind: "ConfigMap", namespace, name, spec: { manifest } });
      return;
    case "Secret":
      sim.objects.apply({
        kind: "Secret",
        namespace,
        name,
        spec: { type: manifest.type, keys: Object.keys(admitted.data).sort(), sealed: encryptSecret(JSON.stringify(admitted.data), encryptionKey), manifest },
      });
      return;
    case "Ingress": {
      const spec: IngressSpec = { ...admitted.facts, ...(metadata.annotations ? { annotations: stringMap(metadata.annotations) ?? {} } : {}), manifest };
      sim.objects.apply({ kind: "Ingress", namespace, name, spec });
      return;
    }
  }
}
