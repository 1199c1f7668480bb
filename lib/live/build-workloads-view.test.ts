import { describe, expect, it } from "vitest";
import { buildWorkloadsView } from "./build-workloads-view";

describe("buildWorkloadsView", () => {
  it("lists namespaces, workloads with ready/desired, pods with node and phase, services with ports", () => {
    const view = buildWorkloadsView([
      { kind: "Namespace", namespace: "", name: "default", spec: {}, status: { phase: "Active" } },
      {
        kind: "Deployment",
        namespace: "default",
        name: "web",
        spec: { image: "nginx:1.29", replicas: 2 },
        status: { desired: 2, ready: 1 },
      },
      {
        kind: "Pod",
        namespace: "default",
        name: "web-abc-1",
        spec: { nodeName: "cp-1" },
        status: { phase: "Running" },
      },
      {
        kind: "Pod",
        namespace: "default",
        name: "web-abc-2",
        spec: { nodeName: null },
        status: { phase: "Pending", reason: "Unschedulable", message: "0/1 nodes are available" },
      },
      {
        kind: "Service",
        namespace: "default",
        name: "web",
        spec: { type: "NodePort", clusterIP: "10.96.0.20", ports: [{ port: 80, nodePort: 30080 }] },
        status: {},
      },
    ]);
    expect(view).toEqual({
      namespaces: ["default"],
      workloads: [{ kind: "Deployment", namespace: "default", name: "web", ready: 1, desired: 2, image: "nginx:1.29" }],
      pods: [
        { namespace: "default", name: "web-abc-1", node: "cp-1", phase: "Running", reason: null },
        { namespace: "default", name: "web-abc-2", node: null, phase: "Pending", reason: "0/1 nodes are available" },
      ],
      services: [
        { namespace: "default", name: "web", type: "NodePort", clusterIP: "10.96.0.20", ports: "80:30080/TCP" },
      ],
    });
  });

  it("gives the cluster's quota, used of hard, when it has one", () => {
    const view = buildWorkloadsView([
      {
        kind: "ResourceQuota",
        namespace: "default",
        name: "clusterport-quota",
        spec: { hard: { pods: 330, objects: 2000 } },
        status: { used: { pods: 12, objects: 40 } },
      },
      {
        kind: "Deployment",
        namespace: "default",
        name: "web",
        spec: { image: "nginx:1.29", replicas: 100000000 },
        status: { desired: 330, ready: 327 },
      },
    ]);
    expect(view.quota).toEqual({ pods: { used: 12, hard: 330 }, objects: { used: 40, hard: 2000 } });
    expect(view.workloads[0]).toMatchObject({ ready: 327, desired: 100000000 });
    expect(buildWorkloadsView([]).quota).toBeUndefined();
  });
});
