import { groupVersion } from "./kube-resource";
import { kubeResources } from "./resources";

const verbs = (writable: boolean) =>
  writable ? ["create", "delete", "get", "list", "patch", "update", "watch"] : ["get", "list", "watch"];

/** The subresources served, listed as the real discovery lists them (`kubectl scale` looks for scale there). */
const subresources: Record<string, object[]> = {
  deployments: [
    {
      name: "deployments/scale",
      singularName: "",
      namespaced: true,
      group: "autoscaling",
      version: "v1",
      kind: "Scale",
      verbs: ["get", "patch", "update"],
    },
  ],
  pods: [{ name: "pods/log", singularName: "", namespaced: true, kind: "Pod", verbs: ["get"] }],
};

/** GET /api */
export function apiVersions() {
  return {
    kind: "APIVersions",
    versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: "" }],
  };
}

/** GET /apis: the named groups, each with its one version. */
export function apiGroupList() {
  const groups = [...new Set(kubeResources.filter((r) => r.group !== "").map((r) => `${r.group}/${r.version}`))].map(
    (gv) => {
      const [name, version] = gv.split("/") as [string, string];
      return { name, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } };
    },
  );
  return { kind: "APIGroupList", apiVersion: "v1", groups };
}

/** GET /api/v1 or /apis/<group>/<version>; undefined for a group version this API does not serve. */
export function apiResourceList(group: string, version: string) {
  const resources = kubeResources.filter((r) => r.group === group && r.version === version);
  if (resources.length === 0) return undefined;
  return {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: groupVersion({ group, version }),
    resources: resources.flatMap((r) => [
      {
        name: r.name,
        singularName: r.singularName,
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: verbs(r.writable),
        ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
      },
      ...(subresources[r.name] ?? []),
    ]),
  };
}
