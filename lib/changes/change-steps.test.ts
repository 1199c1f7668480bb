import { describe, expect, it } from "vitest";
import { findAccountPlan } from "@/lib/catalog";
import type { NamedFault } from "@/lib/engine";
import { createStepHarness, type StepHarness } from "@/lib/engine/steps/testing/step-harness";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { changeActions, type ChangeAction, type PreparedChange } from "./index";

/** An installed cluster in the step harness, and a change prepared against it with the environment switched to it. */
function installedWithChange(
  settings: Partial<InstallSettings>,
  action: ChangeAction,
  input: unknown,
): { h: StepHarness; change: PreparedChange } {
  // The certificate cases' domain points at the cluster, as it must before a certificate is issued.
  const h = createStepHarness({ settings, dns: { "app.example.com": "here" } });
  h.runAll(h.plan.steps);
  const registry = h.sim().objects.get<{ registry: string; username: string; email: string }>({
    kind: "Secret",
    namespace: "kube-system",
    name: "clusterport-registry",
  });
  const change = changeActions[action](
    {
      settings: h.environment.settings,
      plan: h.environment.plan,
      quota: { plan: findAccountPlan("business")!, environmentsInUse: 0 },
      machineIds: h
        .sim()
        .machines.list()
        .map((m) => m.nodeId),
      registry: registry ? registry.spec : null,
    },
    input,
  );
  h.environment.settings = change.settings;
  h.environment.plan = change.plan;
  for (const [name, value] of Object.entries(change.secrets ?? {})) {
    if (value === null) h.deleteSecret(name);
    else h.putSecret(name, value);
  }
  return { h, change };
}

const credentials = { registry: "ghcr.io", username: "alice", password: "token", email: "" };

const cases: [string, Partial<InstallSettings>, ChangeAction, unknown][] = [
  ["scale out", {}, "scale-workers", { workers: 3 }],
  ["scale in", { workers: 3 }, "scale-workers", { workers: 1 }],
  ["upgrade", { topology: "production", workers: 2, version: "1.36.5" }, "upgrade", { version: "1.37.1" }],
  ["add storage (production)", { topology: "production", workers: 2, storage: false }, "add-storage", {}],
  [
    "remove monitoring",
    { addons: { monitoring: true, tracing: false, remoteApi: false } },
    "remove-addon",
    { addon: "monitoring" },
  ],
  [
    "remove tracing",
    { addons: { monitoring: false, tracing: true, remoteApi: false } },
    "remove-addon",
    { addon: "tracing" },
  ],
  [
    "remote API off",
    { addons: { monitoring: false, tracing: false, remoteApi: true } },
    "remote-api",
    { enabled: false },
  ],
  ["certificate", {}, "certificate", { domain: "app.example.com" }],
  ["remove certificate", { certificateDomain: "app.example.com" }, "remove-certificate", {}],
  ["registry credentials", {}, "registry-credentials", credentials],
];

describe("every change step, run twice, changes nothing the second time", () => {
  it.each(cases)("%s", (_, settings, action, input) => {
    const { h, change } = installedWithChange(settings, action, input);
    for (const step of change.steps) {
      h.run(step);
      const after = h.snapshot();
      h.run(step, { attempt: 2 });
      expect(h.snapshot(), `second run of ${step.key}`).toEqual(after);
    }
  });

  it("removing registry credentials twice", () => {
    const { h, change } = installedWithChange({}, "registry-credentials", credentials);
    h.runAll(change.steps);
    const step = { key: "remove-registry-credentials", name: "remove-registry-credentials" };
    h.run(step);
    const after = h.snapshot();
    h.run(step, { attempt: 2 });
    expect(h.snapshot()).toEqual(after);
  });
});

describe("named faults of the change steps fail cleanly, saying who can fix them", () => {
  const failsCleanly = (h: StepHarness, step: { key: string; name: string; node?: string }, fault: NamedFault) => {
    const before = h.snapshot();
    const error = h.attempt(step, { faults: [fault] });
    expect(error, `${step.key} should fail with ${fault}`).toBeDefined();
    expect(h.snapshot()).toEqual(before);
    return error!.failure;
  };

  it("nfs-mount-fails: mounting the new storage times out (platform)", () => {
    const { h, change } = installedWithChange({ storage: false }, "add-storage", {});
    const mount = change.steps.findIndex((s) => s.name === "mount-storage");
    h.runAll(change.steps.slice(0, mount));
    expect(failsCleanly(h, change.steps[mount]!, "nfs-mount-fails")).toMatchObject({
      code: "nfs-mount-timeout",
      fixableBy: "platform",
      transient: false,
    });
  });

  it("helm-uninstall-fails: removing an add-on times out, and is retried", () => {
    const { h, change } = installedWithChange(
      { addons: { monitoring: true, tracing: false, remoteApi: false } },
      "remove-addon",
      { addon: "monitoring" },
    );
    expect(failsCleanly(h, change.steps[0]!, "helm-uninstall-fails")).toMatchObject({
      code: "helm-uninstall-timeout",
      transient: true,
    });
  });

  it("registry-login-fails: the registry refuses the credentials (the user's to fix)", () => {
    const { h, change } = installedWithChange({}, "registry-credentials", credentials);
    expect(failsCleanly(h, change.steps[0]!, "registry-login-fails")).toMatchObject({
      code: "registry-login-failed",
      fixableBy: "user",
      message: "ghcr.io refused the login for alice: 401 Unauthorized.",
    });
  });

  it("kubelet-upgrade-fails and drain-blocked leave the worker serving", () => {
    const up = installedWithChange({ workers: 2, version: "1.36.5" }, "upgrade", { version: "1.37.1" });
    up.h.runAll(up.change.steps.slice(0, 1));
    expect(failsCleanly(up.h, up.change.steps[1]!, "kubelet-upgrade-fails")).toMatchObject({
      code: "kubelet-not-ready",
      fixableBy: "platform",
    });
    const down = installedWithChange({ workers: 2 }, "scale-workers", { workers: 1 });
    expect(failsCleanly(down.h, down.change.steps[0]!, "drain-blocked")).toMatchObject({
      code: "eviction-blocked",
      fixableBy: "user",
    });
  });
});
