import type { KubeResource } from "../kube-resource";
import { configMapKind } from "./config-map";
import { daemonSetKind } from "./daemon-set";
import { deploymentKind } from "./deployment";
import { endpointsKind } from "./endpoints";
import { eventKind } from "./event";
import { ingressKind } from "./ingress";
import type { KubeKind } from "./kube-kind";
import { namespaceKind } from "./namespace";
import { nodeKind } from "./node";
import { persistentVolumeClaimKind } from "./persistent-volume-claim";
import { podKind } from "./pod";
import { replicaSetKind } from "./replica-set";
import { resourceQuotaKind } from "./resource-quota";
import { secretKind } from "./secret";
import { serviceKind } from "./service";
import { statefulSetKind } from "./stateful-set";
import { storageClassKind } from "./storage-class";

/** Every kind the cluster API serves, in discovery's order: the one list the generic code looks kinds up in. */
export const kubeKinds: readonly KubeKind[] = [
  namespaceKind,
  nodeKind,
  podKind,
  serviceKind,
  configMapKind,
  secretKind,
  persistentVolumeClaimKind,
  resourceQuotaKind,
  endpointsKind,
  eventKind,
  deploymentKind,
  replicaSetKind,
  statefulSetKind,
  daemonSetKind,
  ingressKind,
  storageClassKind,
];

const byKind = new Map(kubeKinds.map((k) => [k.resource.kind, k]));

/** The record of a served resource's kind. */
export function kindOf(r: Pick<KubeResource, "kind">): KubeKind {
  const kind = byKind.get(r.kind);
  if (!kind) throw new Error(`${r.kind} is not a kind of the cluster API (lib/kube-api/kinds/index.ts)`);
  return kind;
}
