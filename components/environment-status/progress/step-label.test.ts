import { describe, expect, it } from "vitest";
import { stepLabel } from "./step-label";
import { stepFixture } from "./testing/step-fixture";

describe("stepLabel", () => {
  it("names a per-node step by its title and node, never by its key", () => {
    const step = stepFixture({
      key: "prepare-storage:storage-1",
      title: "Prepare storage node storage-1",
      status: "succeeded",
      attempts: 1,
    });
    expect(stepLabel(step).title).toBe("Prepare storage node · storage-1");
    expect(stepLabel(step).title).not.toContain("prepare-storage:");
  });

  it("keeps a title that does not end with its node, and adds the node after a dot", () => {
    expect(
      stepLabel(stepFixture({ key: "upgrade-worker:cp-2", title: "Upgrade the kubelet", node: "cp-2" })).title,
    ).toBe("Upgrade the kubelet · cp-2");
  });

  it("leaves a step that runs once as its title", () => {
    expect(
      stepLabel(stepFixture({ key: "init-main-cplane", title: "Initialise the first control plane (kubeadm init)" }))
        .title,
    ).toBe("Initialise the first control plane (kubeadm init)");
  });

  it("mentions attempts only once a step was retried", () => {
    expect(stepLabel(stepFixture({ key: "a", status: "succeeded", attempts: 1 })).attempts).toBeNull();
    expect(stepLabel(stepFixture({ key: "a", status: "running", attempts: 1 })).attempts).toBeNull();
    expect(stepLabel(stepFixture({ key: "a", status: "succeeded", attempts: 2 })).attempts).toBe("attempt 2 of 4");
  });
});
