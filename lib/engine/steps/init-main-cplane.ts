import { nodeGroups } from "@/lib/catalog";
import {
  addControlPlanePods,
  addEtcdMember,
  applyDaemonSet,
  applyDeployment,
  applyService,
  ensureNamespace,
  readClusterInfo,
  reconcileCluster,
  registerNode,
  writeClusterInfo,
} from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { setBalancerBackend } from "./add-balancer-backend";
import { bootstrapTokenRef, type BootstrapTokenSpec } from "./bootstrap-token-ref";
import { components, kubeVersion } from "./component-versions";
import { controlPlaneEndpoint, nodeAllocatable, planNodeIds } from "./plan-facts";
import { platformError } from "./platform-error";
import { requireRunningMachine } from "./require-running-machine";
import { secretNames } from "./secret-names";
import { sha256Hex } from "./sha256-hex";
import { simOf } from "./sim-of";

/**
 * init-main-cplane — `kubeadm init` on k8sm-1 with controlPlaneEndpoint = the balancers (production) or
 * k8sm.<domain> (development). Creates: the system namespaces, Node k8sm-1 (NotReady until the CNI), its
 * static control-plane pods and etcd member, CoreDNS, kube-proxy, Service default/kubernetes, ConfigMaps
 * kube-public/cluster-info (server + CA hash) and kube-system/kubeadm-config, the bootstrap token (secret
 * "bootstrap-token"; a hashed Secret object for the API server to check joins). Puts k8sm-1 behind the balancers.
 */
export const initMainCplane: StepHandler = (ctx) => {
  const plan = ctx.environment.plan;
  const first = planNodeIds(plan, nodeGroups.controlPlane.id)[0];
  if (first === undefined) throw platformError("no-control-plane", "The plan has no control-plane node to initialise.");
  const sim = simOf(ctx);
  const machine = requireRunningMachine(sim, first, "run kubeadm init");
  for (const id of planNodeIds(plan, nodeGroups.balancers.id))
    requireRunningMachine(sim, id, "use the API balancers as controlPlaneEndpoint");
  const endpoint = controlPlaneEndpoint(plan);
  const existing = readClusterInfo(sim);
  if (machine.facts.kubeadm === "init" && existing && ctx.secrets.get(secretNames.bootstrapToken)) {
    ctx.log(`${first} is already initialised (controlPlaneEndpoint ${endpoint}); nothing to do.`);
    return { controlPlaneEndpoint: endpoint, caCertHash: existing.caCertHash };
  }

  const version = kubeVersion(plan.version);
  ctx.log(`kubeadm init --config /etc/custom-kubeadm.yaml --upload-certs (controlPlaneEndpoint ${endpoint})`);
  ctx.log(`[init] Using Kubernetes version: ${version}`);
  ctx.log("[preflight] Running pre-flight checks");
  ctx.log('[certs] Generating "ca" certificate and key');
  for (const ns of ["default", "kube-system", "kube-public", "kube-node-lease"]) ensureNamespace(sim, ns);

  const caCertHash = existing?.caCertHash ?? `sha256:${sha256Hex(`cluster-ca:${ctx.random.token(64)}`)}`;
  writeClusterInfo(sim, { server: `https://${endpoint}`, caCertHash });
  let token = ctx.secrets.get(secretNames.bootstrapToken);
  if (token === undefined) {
    token = `${ctx.random.token(6)}.${ctx.random.token(16)}`;
    ctx.secrets.put(secretNames.bootstrapToken, token);
  }
  const tokenSpec: BootstrapTokenSpec = {
    type: "bootstrap.kubernetes.io/token",
    tokenSecretSha256: sha256Hex(token.split(".")[1] ?? ""),
    usages: ["authentication", "signing"],
  };
  sim.objects.apply({ ...bootstrapTokenRef(token), spec: tokenSpec });
  sim.objects.apply({
    kind: "ConfigMap",
    namespace: "kube-system",
    name: "kubeadm-config",
    spec: {
      data: {
        kubernetesVersion: version,
        controlPlaneEndpoint: endpoint,
        podSubnet: components.weave.ipAllocRange,
        serviceSubnet: "10.96.0.0/12",
      },
    },
  });

  ctx.log('[etcd] Creating static Pod manifest for local etcd in "/etc/kubernetes/manifests"');
  ctx.log(
    '[control-plane] Creating static Pod manifests for "kube-apiserver", "kube-controller-manager" and "kube-scheduler"',
  );
  registerNode(sim, machine, "control-plane", version, nodeAllocatable(ctx.environment.plan, machine.nodeId));
  addControlPlanePods(sim, first, version);
  addEtcdMember(sim, machine);
  applyService(sim, {
    namespace: "default",
    name: "kubernetes",
    ports: [{ name: "https", port: 443, targetPort: 6443 }],
    selector: {},
    clusterIP: "10.96.0.1",
  });
  applyDeployment(sim, {
    namespace: "kube-system",
    name: "coredns",
    image: components.coredns.image,
    replicas: 2,
    placement: "nodes",
    labels: { "k8s-app": "kube-dns" },
  });
  applyService(sim, {
    namespace: "kube-system",
    name: "kube-dns",
    ports: [{ name: "dns", port: 53 }],
    selector: { "k8s-app": "kube-dns" },
    clusterIP: "10.96.0.10",
  });
  applyDaemonSet(sim, {
    namespace: "kube-system",
    name: "kube-proxy",
    image: components.kubeProxyImage(version),
    placement: "nodes",
    tolerateNotReady: true,
    labels: { "k8s-app": "kube-proxy" },
  });
  sim.machines.mergeFacts(first, { kubeadm: "init" });
  const balancers = setBalancerBackend(sim, machine, true);
  reconcileCluster(sim);

  ctx.log("[kubelet-start] Starting the kubelet");
  ctx.log("[bootstrap-token] Using token: <REDACTED>");
  if (balancers.length > 0)
    ctx.log(`HAProxy ${balancers.join(", ")}: backend ${first} ${machine.privateIp}:6443 added`);
  ctx.log("Your Kubernetes control-plane has initialized successfully!");
  return { controlPlaneEndpoint: endpoint, caCertHash };
};
