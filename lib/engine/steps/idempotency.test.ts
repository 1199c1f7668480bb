import { describe, expect, it } from "vitest";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { createStepHarness, teardownSteps } from "./testing/step-harness";

const cases: [string, Partial<InstallSettings>][] = [
  ["development with storage", {}],
  ["development without storage, Traefik, Skooner", { storage: false, ingress: "traefik", dashboard: "skooner" }],
  [
    "production with every add-on",
    { topology: "production", workers: 2, addons: { monitoring: true, tracing: true, remoteApi: true } },
  ],
  [
    "custom manifests",
    {
      deployment: "custom",
      custom: {
        kind: "manifests",
        repositoryUrl: "",
        chart: "",
        chartVersion: "",
        values: "",
        manifests:
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - image: nginx:1.29\n",
      },
    },
  ],
  [
    "custom Helm chart",
    {
      deployment: "custom",
      custom: {
        kind: "helm",
        repositoryUrl: "oci://registry-1.docker.io/bitnamicharts",
        chart: "redis",
        chartVersion: "",
        values: "",
        manifests: "",
      },
    },
  ],
];

describe("every handler, run twice, changes nothing the second time", () => {
  it.each(cases)("%s (install and teardown)", (_, settings) => {
    const h = createStepHarness({ settings });
    for (const step of h.plan.steps) {
      h.run(step);
      const after = h.snapshot();
      // A later clock and a fresh random source: only a real change could show up in the snapshot.
      h.run(step, { attempt: 2 });
      expect(h.snapshot(), `second run of ${step.key}`).toEqual(after);
    }
    for (const step of teardownSteps(h)) {
      h.run(step);
      const after = h.snapshot();
      h.run(step, { attempt: 2 });
      expect(h.snapshot(), `second run of ${step.key}`).toEqual(after);
    }
  });

  it("a repeated prepare-instance reports the machine as already prepared", () => {
    const h = createStepHarness();
    const step = { key: "prepare-instance:k8sm-1", name: "prepare-instance", node: "k8sm-1" };
    h.run(step);
    h.run(step);
    expect(h.logLines().at(-1)?.message).toMatch(/^k8sm-1 is already prepared \(10\.\d+\.10\.1\); nothing to do\.$/);
    expect(h.model.machines.size).toBe(1);
  });
});
