import { describe, expect, it } from "vitest";
import type { NamedFault } from "@/lib/engine/faults";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { createStepHarness, type HarnessStep, type StepHarness } from "./testing/step-harness";

/** Runs the plan up to (not including) `key`; returns that step. */
function upTo(h: StepHarness, key: string): HarnessStep {
  const index = h.plan.steps.findIndex((s) => s.key === key);
  expect(index, `${key} in the plan`).toBeGreaterThanOrEqual(0);
  h.runAll(h.plan.steps.slice(0, index));
  return h.plan.steps[index]!;
}

/** The step fails with the fault, and the committed transaction shows it changed nothing first. */
function failsCleanly(h: StepHarness, step: HarnessStep, faults: NamedFault[], attempt = 1) {
  const before = h.snapshot();
  const error = h.attempt(step, { faults, attempt });
  expect(error, `${step.key} should fail`).toBeDefined();
  expect(h.snapshot()).toEqual(before);
  return error!.failure;
}

describe("named faults", () => {
  it("worker-never-joins: cp-1 fails permanently (platform) with the API endpoint in the message", () => {
    const h = createStepHarness();
    const failure = failsCleanly(h, upTo(h, "connect-worker:cp-1"), ["worker-never-joins"]);
    expect(failure).toEqual({
      code: "worker-join-timeout",
      message: `Worker cp-1 did not join: its kubelet could not reach the API server at k8sm.${h.plan.domain}:6443 (TLS bootstrap timed out).`,
      transient: false,
      fixableBy: "platform",
      action: "Retry; if it fails again, contact support with the environment name.",
    });
  });

  it("worker-never-joins leaves other workers alone", () => {
    const h = createStepHarness({ settings: { workers: 2 } });
    const step = upTo(h, "connect-worker:cp-2");
    expect(h.attempt(step, { faults: ["worker-never-joins"] })).toBeUndefined();
  });

  it("registry-pull-error: install-components fails transiently on every attempt", () => {
    const h = createStepHarness();
    const step = upTo(h, "install-components");
    for (const attempt of [1, 2, 3, 4]) {
      const failure = failsCleanly(h, step, ["registry-pull-error"], attempt);
      expect(failure.transient).toBe(true);
      expect(failure.code).toBe("image-pull-failed");
      expect(failure.message).toMatch(/^ErrImagePull: .*503 Service Unavailable$/);
    }
  });

  it("storage-volume-error: prepare-storage fails permanently in development", () => {
    const h = createStepHarness();
    const failure = failsCleanly(h, upTo(h, "prepare-storage:storage-1"), ["storage-volume-error"]);
    expect(failure).toMatchObject({ code: "storage-volume-failed", transient: false, fixableBy: "platform" });
  });

  it("storage-volume-error: create-gluster-volume fails permanently in production", () => {
    const h = createStepHarness({ settings: { topology: "production", workers: 2 } });
    const failure = failsCleanly(h, upTo(h, "create-gluster-volume"), ["storage-volume-error"]);
    expect(failure).toMatchObject({ code: "storage-volume-failed", transient: false, fixableBy: "platform" });
    expect(failure.message).toContain("gluster volume create data replica 3");
  });

  it("health-check-fails: the ingress line is FAIL and the step fails transiently", () => {
    const h = createStepHarness();
    const failure = failsCleanly(h, upTo(h, "check-health"), ["health-check-fails"]);
    expect(failure).toMatchObject({ code: "health-check-failed", transient: true, fixableBy: "platform" });
    expect(failure.message).toBe("Health check failed: Ingress controller (NGINX) is not healthy.");
    expect(
      h.logLines().some((l) => l.level === "warn" && l.message.startsWith("Ingress controller (NGINX): FAIL")),
    ).toBe(true);
  });
});

describe("errors the user can fix", () => {
  const helm = (repositoryUrl: string, chart: string): Partial<InstallSettings> => ({
    deployment: "custom",
    custom: { kind: "helm", repositoryUrl, chart, chartVersion: "", values: "", manifests: "" },
  });

  it.each([
    [
      "https://charts.example.invalid",
      "nginx",
      'Chart "nginx" not found in https://charts.example.invalid: the repository host charts.example.invalid does not resolve.',
    ],
    [
      "https://charts.bitnami.com/bitnami",
      "bitnami/does-not-exist",
      'Chart "bitnami/does-not-exist" not found in https://charts.bitnami.com/bitnami (404 Not Found).',
    ],
  ])("deploy of chart %s %s fails permanently (user) before any change", (repo, chart, message) => {
    const h = createStepHarness({ settings: helm(repo, chart) });
    const failure = failsCleanly(h, upTo(h, "deploy"), []);
    expect(failure).toEqual({
      code: "chart-not-found",
      message,
      transient: false,
      fixableBy: "user",
      action: "Correct the chart in the install settings and install again.",
    });
  });

  it("manifests into a namespace that does not exist fail (user) before any change", () => {
    const manifests =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: nowhere\n";
    const h = createStepHarness({
      settings: {
        deployment: "custom",
        custom: { kind: "manifests", repositoryUrl: "", chart: "", chartVersion: "", values: "", manifests },
      },
    });
    const failure = failsCleanly(h, upTo(h, "deploy"), []);
    expect(failure).toMatchObject({ code: "namespace-not-found", fixableBy: "user", transient: false });
  });
});

describe("preconditions", () => {
  it("monitoring and Jaeger refuse (permanent, platform) without a default StorageClass", () => {
    const h = createStepHarness({ settings: { storage: false } });
    h.runAll(h.plan.steps.filter((s) => s.name !== "check-health"));
    for (const name of ["install-monitoring", "install-jaeger"]) {
      const failure = failsCleanly(h, { key: name, name }, []);
      expect(failure).toMatchObject({ code: "no-default-storage-class", transient: false, fixableBy: "platform" });
    }
  });

  it("a health check on a cluster with a NotReady worker reports it and fails", () => {
    const h = createStepHarness({ settings: { workers: 2 } });
    const step = upTo(h, "check-health");
    // The machine behind cp-2 dies: its node goes NotReady, its pods move or stop.
    h.model.machines.get("cp-2")!.state = "removed";
    h.run({ key: "setup-overlay", name: "setup-overlay" }); // any step reconciles the model
    const error = h.attempt(step);
    expect(error?.failure.code).toBe("health-check-failed");
    expect(error?.failure.message).toContain("Kubernetes nodes");
    expect(error?.failure.message).toContain("Ingress controller (NGINX)");
  });
});

const prepare = (node: string) => ({ key: `prepare-instance:${node}`, name: "prepare-instance", node });

describe("joins need kubeadm init", () => {
  it("connect-worker and init-secondary-cplane fail permanently (platform) without init, changing nothing", () => {
    const h = createStepHarness({ settings: { topology: "production", workers: 2 } });
    h.runAll([prepare("k8sm-2"), prepare("cp-1")]);
    for (const step of [
      { key: "connect-worker:cp-1", name: "connect-worker", node: "cp-1" },
      { key: "init-secondary-cplane:k8sm-2", name: "init-secondary-cplane", node: "k8sm-2" },
    ]) {
      const before = h.snapshot();
      const error = h.attempt(step);
      expect(error?.failure).toMatchObject({
        code: "cluster-not-initialised",
        transient: false,
        fixableBy: "platform",
      });
      expect(h.snapshot()).toEqual(before);
    }
  });

  it("a join presenting a token the API server does not know is rejected", () => {
    const h = createStepHarness();
    h.runAll(h.plan.steps.filter((s) => ["prepare-instance", "init-main-cplane"].includes(s.name)));
    const real = h.secret("bootstrap-token")!;
    // Right token id, wrong secret half: the API server's hashed Secret does not match.
    h.putSecret("bootstrap-token", `${real.split(".")[0]}.0000000000000000`);
    const error = h.attempt({ key: "connect-worker:cp-1", name: "connect-worker", node: "cp-1" });
    expect(error?.failure).toMatchObject({ code: "join-rejected", transient: false, fixableBy: "platform" });
    // Without any token at all, the cluster counts as not initialised.
    h.deleteSecret("bootstrap-token");
    expect(h.attempt({ key: "connect-worker:cp-1", name: "connect-worker", node: "cp-1" })?.failure.code).toBe(
      "cluster-not-initialised",
    );
  });

  it("a worker joining after the CNI is up is Ready at once", () => {
    const h = createStepHarness({ settings: { workers: 2 } });
    h.runAll(
      h.plan.steps.filter(
        (s) =>
          s.key !== "connect-worker:cp-2" &&
          ["prepare-instance", "init-main-cplane", "connect-worker", "setup-overlay"].includes(s.name),
      ),
    );
    const out = h.run({ key: "connect-worker:cp-2", name: "connect-worker", node: "cp-2" });
    expect(out).toEqual({ node: "cp-2", ready: true });
    expect(h.logLines().at(-1)?.message).toBe("node/cp-2 condition met");
  });

  it("a worker joining before the CNI stays NotReady until setup-overlay", () => {
    const h = createStepHarness();
    h.runAll(h.plan.steps.filter((s) => ["prepare-instance", "init-main-cplane"].includes(s.name)));
    expect(h.run({ key: "connect-worker:cp-1", name: "connect-worker", node: "cp-1" })).toEqual({
      node: "cp-1",
      ready: false,
    });
    expect(h.run({ key: "setup-overlay", name: "setup-overlay" })).toEqual({ readyNodes: 2, nodes: 2 });
  });
});
