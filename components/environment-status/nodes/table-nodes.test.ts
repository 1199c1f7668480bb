import { describe, expect, it } from "vitest";
import type { NodeView } from "@/lib/live/status-snapshot";
import { tableNodes } from "./table-nodes";

const node = (id: string, state: string): NodeView => ({
  id,
  group: "cp",
  groupName: "Workers",
  role: "worker",
  hostname: `${id}.demo.fra.clusterport.cloud`,
  privateIp: "10.0.0.1",
  state,
  kubernetesVersion: "v1.33.1",
  ready: state === "running",
});

describe("tableNodes", () => {
  it("drops a worker removed by a scale-in and keeps every machine that exists, in order", () => {
    const nodes = [
      node("k8sm-1", "running"),
      node("cp-1", "running"),
      node("cp-2", "removed"),
      node("cp-3", "booting"),
    ];
    expect(tableNodes(nodes).map((n) => n.id)).toEqual(["k8sm-1", "cp-1", "cp-3"]);
  });

  it("is empty once every machine is removed (a deleted environment)", () => {
    expect(tableNodes([node("k8sm-1", "removed"), node("cp-1", "removed")])).toEqual([]);
  });
});
