import { quotaResources, type ClusterQuotaSpec, type ClusterQuotaStatus } from "@/lib/engine/sim";
import type { ObjectByPath } from "../write/json";
import { age, name } from "./columns";
import { asWritten, type KubeKind } from "./kube-kind";
import { metadataOf } from "./metadata-of";

/** "count/objects: 40/2000, pods: 12/330": used/hard per resource, the `limits.` ones in their own column. */
function quotaCell(o: ObjectByPath, limits: boolean): string {
  const hard: Record<string, string> = o.status?.hard ?? {};
  const used: Record<string, string> = o.status?.used ?? {};
  return Object.keys(hard)
    .filter((k) => k.startsWith("limits.") === limits)
    .sort()
    .map((k) => `${k}: ${used[k] ?? "0"}/${hard[k]}`)
    .join(", ");
}

export const resourceQuotaKind: KubeKind = {
  resource: {
    group: "",
    version: "v1",
    name: "resourcequotas",
    singularName: "resourcequota",
    kind: "ResourceQuota",
    namespaced: true,
    shortNames: ["quota"],
    simKind: "ResourceQuota",
  },
  toObject: (ctx, r, o) => {
    // Quantities are strings; the simulation keeps the numbers under short names (cluster-quota.ts).
    const q = (v: { pods: number; objects: number } | undefined) => ({
      [quotaResources.objects]: String(v?.objects ?? 0),
      [quotaResources.pods]: String(v?.pods ?? 0),
    });
    const hard = q((o.spec as ClusterQuotaSpec).hard);
    return {
      metadata: metadataOf(ctx, r, o),
      spec: { hard },
      status: { hard, used: q((o.status as ClusterQuotaStatus).used) },
    };
  },
  written: asWritten,
  columns: [
    name,
    age,
    { name: "Request", type: "string", cell: (o) => quotaCell(o, false) },
    { name: "Limit", type: "string", cell: (o) => quotaCell(o, true) },
  ],
};
