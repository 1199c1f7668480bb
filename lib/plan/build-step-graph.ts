import { nodeGroups, type NodeGroupId } from "@/lib/catalog";
import type { ResolvedSettings } from "./resolve-settings";
import type { StepName } from "./step-names";
import { topologicalOrder } from "./topological-order";
import type { PlanNodeGroup, PlanStep, StageId } from "./types";

/**
 * Estimates in seconds, weighted by what each action does (kubeadm init and image-heavy installs longest).
 * They drive the ETA only; the engine never waits on them.
 */
const seconds = {
  prepareInstance: 45,
  setupApiBalancer: 20,
  prepareStorage: 40,
  createGlusterVolume: 30,
  initMainCplane: 90,
  initSecondaryCplane: 60,
  connectWorker: 45,
  setupOverlay: 30,
  installIngress: 40,
  installComponents: 60,
  helmComponents: 45,
  deployClean: 30,
  deployHelm: 60,
  deployManifests: 45,
  setupRemoteApi: 10,
  installClusterAutoscaler: 15,
  installMonitoring: 90,
  installJaeger: 70,
  installCertManager: 40,
  issueCertificate: 30,
  checkHealth: 20,
} as const;

/**
 * The install as a DAG. Work that is per machine is fanned out per node, and anything that does not need
 * another step's result runs beside it: workers join while the secondary control planes do, and storage is
 * prepared from the first second. Steps are added stage by stage, each after its dependencies, so the
 * stable topological sort at the end keeps this order.
 */
export function buildStepGraph(settings: ResolvedSettings, groups: readonly PlanNodeGroup[]): PlanStep[] {
  const nodesOf = (id: NodeGroupId) => groups.find((g) => g.id === id)?.nodes.map((n) => n.id) ?? [];
  const controlPlanes = nodesOf(nodeGroups.controlPlane.id);
  const balancers = nodesOf(nodeGroups.balancers.id);
  const workers = nodesOf(nodeGroups.workers.id);
  const storageNodes = settings.storage ? nodesOf(nodeGroups.storage.id) : [];

  const steps: PlanStep[] = [];
  const add = (
    name: StepName,
    stage: StageId,
    title: string,
    estimatedSeconds: number,
    dependsOn: string[],
    node?: string,
  ): string => {
    const key = node === undefined ? name : `${name}:${node}`;
    steps.push({ key, name, title, stage, ...(node === undefined ? {} : { node }), dependsOn, estimatedSeconds });
    return key;
  };

  // prepare: nothing here depends on anything, so every node starts at once.
  const prepared = new Map<string, string>();
  for (const node of [...controlPlanes, ...workers]) {
    prepared.set(
      node,
      add("prepare-instance", "prepare", `Prepare instance ${node}`, seconds.prepareInstance, [], node),
    );
  }
  const balancerSteps = balancers.map((node) =>
    add("setup-api-balancer", "prepare", `Set up API balancer ${node}`, seconds.setupApiBalancer, [], node),
  );
  const storageSteps = storageNodes.map((node) =>
    add("prepare-storage", "prepare", `Prepare storage node ${node}`, seconds.prepareStorage, [], node),
  );
  // One storage node serves plain NFS; several form a GlusterFS replicated volume that NFS clients mount.
  const storageReady =
    storageSteps.length > 1
      ? [
          add(
            "create-gluster-volume",
            "prepare",
            `Create the GlusterFS replicated volume across ${storageSteps.length} storage nodes`,
            seconds.createGlusterVolume,
            storageSteps,
          ),
        ]
      : storageSteps;

  // control-plane: kubeadm init needs the balancers up, because they are its controlPlaneEndpoint.
  const firstControlPlane = controlPlanes[0];
  const initMain = add(
    "init-main-cplane",
    "control-plane",
    "Initialise the first control plane (kubeadm init)",
    seconds.initMainCplane,
    [...(firstControlPlane === undefined ? [] : [prepared.get(firstControlPlane)!]), ...balancerSteps],
  );
  // etcd grows one member at a time, as in the reference package: adding two members at once can cost quorum.
  let previousJoin: string | undefined;
  for (const node of controlPlanes.slice(1)) {
    previousJoin = add(
      "init-secondary-cplane",
      "control-plane",
      `Join control plane ${node}`,
      seconds.initSecondaryCplane,
      [initMain, ...(previousJoin === undefined ? [] : [previousJoin]), prepared.get(node)!],
      node,
    );
  }

  // workers: they only need the join command from kubeadm init, not the other control planes.
  const joined = workers.map((node) =>
    add(
      "connect-worker",
      "workers",
      `Join worker ${node}`,
      seconds.connectWorker,
      [initMain, prepared.get(node)!],
      node,
    ),
  );

  // network: the ingress controller is a DaemonSet on the workers, so it waits for them and for the CNI.
  const overlay = add("setup-overlay", "network", "Install the Weave Net overlay network (CNI)", seconds.setupOverlay, [
    initMain,
  ]);
  const ingress = add(
    settings.ingress.installStep as StepName,
    "network",
    `Install the ${settings.ingress.name} ingress controller`,
    seconds.installIngress,
    [overlay, ...joined],
  );

  // components: without storage there is no Helm step, so node-problem-detector is installed here instead.
  const components = add(
    "install-components",
    "components",
    settings.storage
      ? `Install metrics-server, the ${settings.dashboard.name} dashboard and the admin service account`
      : `Install metrics-server, node-problem-detector, the ${settings.dashboard.name} dashboard and the admin service account`,
    seconds.installComponents,
    [overlay, ...joined],
  );

  // storage: the provisioner's pods run on the workers and mount the volume the storage nodes serve.
  const storageClass = settings.storage
    ? add(
        "helm-components",
        "storage",
        "Install the NFS provisioner (default StorageClass) and node-problem-detector",
        seconds.helmComponents,
        [components, ...storageReady, ...joined],
      )
    : undefined;
  const needsStorage = storageClass === undefined ? [] : [storageClass];

  // workloads: a custom chart may claim volumes, so it waits for the default StorageClass when there is one.
  const deployment = settings.deployment;
  const deployed = add(
    "deploy",
    "workloads",
    deployment.kind === "clean"
      ? "Deploy the hello-world sample app"
      : deployment.kind === "helm"
        ? deployment.chart === ""
          ? "Install your Helm chart"
          : `Install your Helm chart ${deployment.chart}`
        : "Apply your Kubernetes manifests",
    deployment.kind === "clean"
      ? seconds.deployClean
      : deployment.kind === "helm"
        ? seconds.deployHelm
        : seconds.deployManifests,
    [ingress, ...needsStorage],
  );

  // addons: each is served through the ingress; monitoring and tracing keep data on the StorageClass.
  if (settings.addons.remoteApi) {
    add("setup-remote-api", "addons", "Expose the Kubernetes API at /api/", seconds.setupRemoteApi, [ingress]);
  }
  if (settings.addons.monitoring) {
    add("install-monitoring", "addons", "Install Prometheus and Grafana", seconds.installMonitoring, [
      ...needsStorage,
      ingress,
    ]);
  }
  if (settings.addons.tracing) {
    add("install-jaeger", "addons", "Install Jaeger tracing", seconds.installJaeger, [...needsStorage, ingress]);
  }
  // certificate: cert-manager proves the name to Let's Encrypt through the ingress (HTTP-01); the domain is then
  // routed like the cluster's own address, so it waits for the workloads that define that route.
  if (settings.certificateDomain) {
    const certManager = add(
      "install-cert-manager",
      "addons",
      "Install cert-manager and the Let's Encrypt issuer",
      seconds.installCertManager,
      [ingress],
    );
    add(
      "issue-certificate",
      "addons",
      `Issue a certificate for ${settings.certificateDomain}`,
      seconds.issueCertificate,
      [certManager, deployed],
    );
  }

  if (settings.autoscaling) {
    add(
      "install-cluster-autoscaler",
      "addons",
      `Install the worker autoscaler (${settings.autoscaling.minWorkers}–${settings.autoscaling.maxWorkers} workers)`,
      seconds.installClusterAutoscaler,
      [ingress],
    );
  }

  // health: waiting on every leaf means waiting on everything, including the last control plane to join.
  const dependedOn = new Set(steps.flatMap((s) => s.dependsOn));
  const leaves = steps.filter((s) => !dependedOn.has(s.key)).map((s) => s.key);
  add("check-health", "health", "Check the cluster's health", seconds.checkHealth, leaves);

  return topologicalOrder(steps);
}
