import { kubernetesVersions, type KubernetesVersion } from "@/lib/catalog";

export type UpgradeTargets = {
  /** The latest patch of the cluster's minor, when newer than what it runs. */
  patch?: string;
  /** The latest patch of the next minor, when the catalogue has it. Never further: kubeadm upgrades one minor at a time. */
  minor?: string;
};

const parts = (version: string) => version.split(".").map(Number) as [number, number, number];

/** Where a cluster on `version` can go from here. */
export function upgradeTargets(
  version: string,
  versions: readonly KubernetesVersion[] = kubernetesVersions,
): UpgradeTargets {
  const [major, minor, patch] = parts(version);
  const newest = (m: number) =>
    versions
      .map((v) => v.id)
      .filter((id) => parts(id)[0] === major && parts(id)[1] === m)
      .sort((a, b) => parts(b)[2] - parts(a)[2])[0];
  const samePatch = newest(minor);
  const next = newest(minor + 1);
  return {
    ...(samePatch !== undefined && parts(samePatch)[2] > patch ? { patch: samePatch } : {}),
    ...(next !== undefined ? { minor: next } : {}),
  };
}
