import { applyDaemonSet, reconcileCluster, type NodeStatus } from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { components } from "./component-versions";
import { kubectlLine } from "./kubectl-name";
import { requireInitialised } from "./require-initialised";
import { simOf } from "./sim-of";

/**
 * setup-overlay — the CNI, Weave Net (IPALLOC_RANGE 10.239.0.0/16, fastdp off): ServiceAccount, RBAC and the
 * weave-net DaemonSet on every node. Once it exists every node whose machine runs turns Ready.
 */
export const setupOverlay: StepHandler = (ctx) => {
  const sim = simOf(ctx);
  requireInitialised(sim, "install the pod network");
  ctx.log(
    `kubectl apply -f ${components.weave.manifest} (IPALLOC_RANGE=${components.weave.ipAllocRange}, WEAVE_NO_FASTDP=1)`,
  );
  const sa = sim.objects.apply({ kind: "ServiceAccount", namespace: "kube-system", name: "weave-net" }).result;
  sim.objects.apply({
    kind: "ClusterRole",
    name: "weave-net",
    spec: { rules: [{ apiGroups: [""], resources: ["pods", "namespaces", "nodes"], verbs: ["get", "list", "watch"] }] },
  });
  sim.objects.apply({
    kind: "ClusterRoleBinding",
    name: "weave-net",
    spec: { roleRef: "weave-net", subjects: [{ kind: "ServiceAccount", namespace: "kube-system", name: "weave-net" }] },
  });
  const ds = applyDaemonSet(sim, {
    namespace: "kube-system",
    name: "weave-net",
    image: components.weave.image,
    placement: "nodes",
    tolerateNotReady: true,
    labels: { name: "weave-net" },
  });
  ctx.log(kubectlLine("ServiceAccount", "weave-net", sa));
  ctx.log(kubectlLine("DaemonSet", "weave-net", ds));
  const { becameReady } = reconcileCluster(sim);
  for (const node of becameReady) ctx.log(`node/${node} condition met`);
  const nodes = sim.objects.list<unknown, NodeStatus>("Node");
  const ready = nodes.filter((n) => n.status.ready).length;
  ctx.log(`${ready}/${nodes.length} nodes Ready`);
  return { readyNodes: ready, nodes: nodes.length };
};
