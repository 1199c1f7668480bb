import { applyDeployment, applyHelmRelease, applyStorageClass, reconcileCluster, type Sim } from "@/lib/engine/sim";
import type { StepContext, StepHandler } from "@/lib/engine/step-context";
import { components } from "./component-versions";
import { glusterVolumeName } from "./create-gluster-volume";
import { helmInstallLine, helmResultLine } from "./helm-install-line";
import { installNodeProblemDetector } from "./install-node-problem-detector";
import { kubectlLine } from "./kubectl-name";
import { planNodeIds } from "./plan-facts";
import { platformError } from "./platform-error";
import { requireCni } from "./require-initialised";
import { simOf } from "./sim-of";

/**
 * helm-components (storage on) — nfs-subdir-external-provisioner on the cluster's volume and the default
 * StorageClass clusterport-nfs, plus node-problem-detector. The NFS server is storage.<domain> serving the
 * GlusterFS volume "data" when there are several storage nodes (production), else storage-1 itself.
 */
export const helmComponents: StepHandler = (ctx) => {
  const sim = simOf(ctx);
  const nfs = requireNfsServer(ctx, sim);
  requireCni(sim, "install the NFS provisioner");
  const p = components.nfsProvisioner;
  const values = {
    nfs: { server: nfs.server, path: nfs.path, mountOptions: ["soft", "proto=tcp"] },
    replicaCount: p.replicas,
    storageClass: { name: components.storageClassName, defaultClass: true, allowVolumeExpansion: true },
  };
  ctx.log(`helm repo add nfs-subdir-external-provisioner ${p.repo}`);
  ctx.log(
    helmInstallLine(p.release, p.chart, "default", p.version, {
      "nfs.server": nfs.server,
      "nfs.path": nfs.path,
      "storageClass.name": components.storageClassName,
      "storageClass.defaultClass": "true",
    }),
  );
  const release = applyHelmRelease(sim, {
    namespace: "default",
    name: p.release,
    chart: p.chart,
    repo: p.repo,
    version: p.version,
    values,
  });
  applyDeployment(sim, { namespace: "default", name: p.release, image: p.image, replicas: p.replicas });
  const sc = applyStorageClass(sim, components.storageClassName, {
    provisioner: p.provisioner,
    isDefault: true,
    reclaimPolicy: "Delete",
    allowVolumeExpansion: true,
    parameters: { server: nfs.server, path: nfs.path, archiveOnDelete: "false" },
  });
  ctx.log(helmResultLine(p.release, release));
  ctx.log(`${kubectlLine("StorageClass", components.storageClassName, sc)} (default)`);

  const npd = components.nodeProblemDetector;
  ctx.log(helmInstallLine(npd.release, npd.chart, "kube-system", npd.version));
  const npdRelease = applyHelmRelease(sim, {
    namespace: "kube-system",
    name: npd.release,
    chart: npd.chart,
    repo: npd.repo,
    version: npd.version,
  });
  installNodeProblemDetector(sim);
  ctx.log(helmResultLine(npd.release, npdRelease));
  reconcileCluster(sim);
  return { storageClass: components.storageClassName, nfsServer: nfs.server };
};

function requireNfsServer(ctx: StepContext, sim: Sim): { server: string; path: string } {
  const plan = ctx.environment.plan;
  const ids = planNodeIds(plan, "storage");
  const machines = ids.map((id) => sim.machines.get(id));
  if (ids.length === 0)
    throw platformError("storage-not-ready", "The NFS provisioner needs storage nodes, and the plan has none.");
  if (ids.length > 1) {
    const started = machines.every((m) => m?.state === "running" && m.facts.gluster?.status === "Started");
    if (!started)
      throw platformError(
        "storage-not-ready",
        `The GlusterFS volume "${glusterVolumeName}" is not started on ${ids.join(", ")}.`,
      );
    return { server: `storage.${plan.domain}`, path: `/${glusterVolumeName}` };
  }
  const single = machines[0];
  if (single?.state !== "running" || !single.facts.nfsExport) {
    throw platformError("storage-not-ready", `Storage node ${ids[0]} is not running or exports nothing.`);
  }
  const hostname = plan.nodeGroups.find((g) => g.id === "storage")?.nodes[0]?.hostname ?? single.hostname;
  return { server: hostname, path: single.facts.nfsExport };
}
