import type { Sim } from "./create-sim";
import type { ApplyResult, IngressPath, IngressSpec } from "./types";

/** An Ingress routing paths to services, served by the IngressClass named. */
export function applyIngress(
  sim: Sim,
  input: {
    namespace: string;
    name: string;
    ingressClassName: string;
    paths: IngressPath[];
    annotations?: Record<string, string>;
    host?: string;
    tlsSecretName?: string;
  },
): ApplyResult {
  const spec: IngressSpec = {
    ingressClassName: input.ingressClassName,
    paths: input.paths,
    ...(input.annotations ? { annotations: input.annotations } : {}),
    ...(input.host ? { host: input.host } : {}),
    ...(input.tlsSecretName ? { tlsSecretName: input.tlsSecretName } : {}),
  };
  return sim.objects.apply({ kind: "Ingress", namespace: input.namespace, name: input.name, spec }).result;
}
