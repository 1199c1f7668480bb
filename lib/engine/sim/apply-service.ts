import type { Sim } from "./create-sim";
import { numericHash } from "./short-hash";
import type { ApplyResult, ServicePort, ServiceSpec } from "./types";

/** A Service selecting pods by label (default { app: name }); the cluster IP is derived from its name. */
export function applyService(
  sim: Sim,
  input: {
    namespace: string;
    name: string;
    ports: ServicePort[];
    selector?: Record<string, string>;
    type?: ServiceSpec["type"];
    clusterIP?: string;
  },
): ApplyResult {
  const h = numericHash(`${input.namespace}/${input.name}`);
  const spec: ServiceSpec = {
    type: input.type ?? "ClusterIP",
    selector: input.selector ?? { app: input.name },
    ports: input.ports,
    clusterIP: input.clusterIP ?? `10.96.${(h % 254) + 1}.${((h >>> 8) % 253) + 2}`,
  };
  return sim.objects.apply({ kind: "Service", namespace: input.namespace, name: input.name, spec }).result;
}
