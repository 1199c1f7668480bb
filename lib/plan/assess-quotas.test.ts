import { describe, expect, it } from "vitest";
import { findAccountPlan, type AccountPlan } from "@/lib/catalog";
import {
  defaultInstallSettings,
  installSettingsSchema,
  type InstallSettings,
} from "@/lib/validations/install-settings";
import { computePlan } from "./compute-plan";
import type { QuotaContext, QuotaVerdict } from "./types";

const trial = findAccountPlan("trial")!;
const developer = findAccountPlan("developer")!;
const business = findAccountPlan("business")!;

function settings(overrides: Partial<InstallSettings> = {}): InstallSettings {
  return { ...defaultInstallSettings("demo", "eu-central"), ...overrides };
}
const production = (overrides: Partial<InstallSettings> = {}) =>
  settings({ topology: "production", workers: 2, ...overrides });

function quotaOf(s: InstallSettings, plan: AccountPlan, environmentsInUse = 0) {
  const context: QuotaContext = { plan, environmentsInUse };
  return computePlan(s, context).quota;
}
function verdict(verdicts: QuotaVerdict[], quota: QuotaVerdict["quota"]): QuotaVerdict {
  return verdicts.find((v) => v.quota === quota)!;
}

describe("quota verdicts", () => {
  it("always gives the four quotas in a fixed order, with their labels, then the workers at install", () => {
    const { verdicts } = quotaOf(settings(), developer);
    expect(verdicts.map((v) => [v.quota, v.label])).toEqual([
      ["maxEnvironments", "Environments"],
      ["maxNodesPerEnvironment", "Nodes per environment"],
      ["maxNodesPerGroup", "Nodes per node group"],
      ["maxCloudletsPerNode", "Cloudlets per node"],
      ["workersAtInstall", "Workers at install"],
    ]);
  });

  it("passes a development cluster on the Developer plan", () => {
    const quota = quotaOf(settings(), developer, 2);
    expect(quota.ok).toBe(true);
    expect(quota.verdicts.every((v) => v.ok)).toBe(true);
    expect(verdict(quota.verdicts, "maxEnvironments")).toMatchObject({ limit: 3, required: 3 });
    expect(verdict(quota.verdicts, "maxNodesPerEnvironment")).toMatchObject({ limit: 6, required: 3 });
  });

  it("fails production on the Developer plan on nodes per environment, with the numbers in the message", () => {
    const quota = quotaOf(production(), developer);
    expect(quota.ok).toBe(false);
    expect(verdict(quota.verdicts, "maxNodesPerEnvironment")).toEqual({
      quota: "maxNodesPerEnvironment",
      label: "Nodes per environment",
      limit: 6,
      required: 10,
      ok: false,
      message: "Nodes per environment: your plan allows 6, this cluster needs 10.",
    });
    expect(quota.verdicts.filter((v) => !v.ok).map((v) => v.quota)).toEqual(["maxNodesPerEnvironment"]);
  });

  it("still fails production without storage on the Developer plan (7 > 6)", () => {
    const quota = quotaOf(production({ storage: false }), developer);
    expect(verdict(quota.verdicts, "maxNodesPerEnvironment").message).toBe(
      "Nodes per environment: your plan allows 6, this cluster needs 7.",
    );
  });

  it("fails nodes per node group when the workers outgrow it, naming the group", () => {
    const quota = quotaOf(settings({ workers: 5, storage: false }), developer);
    expect(verdict(quota.verdicts, "maxNodesPerGroup")).toMatchObject({
      limit: 4,
      required: 5,
      ok: false,
      message: "Nodes per node group: your plan allows 4, this cluster needs 5 (Workers).",
    });
    expect(quota.ok).toBe(false);
  });

  it("passes production with storage and add-ons on the Business plan", () => {
    const quota = quotaOf(production({ addons: { monitoring: true, tracing: true, remoteApi: true } }), business, 9);
    expect(quota.ok).toBe(true);
    expect(quota.verdicts.map((v) => [v.quota, v.required, v.limit])).toEqual([
      ["maxEnvironments", 10, 10],
      ["maxNodesPerEnvironment", 10, 40],
      ["maxNodesPerGroup", 3, 20],
      ["maxCloudletsPerNode", 32, 64],
      ["workersAtInstall", 2, 20],
      ["workerRoom", 2688, 8192],
    ]);
  });

  it("fails environments when all are in use, whatever the cluster", () => {
    const quota = quotaOf(settings(), developer, 3);
    expect(quota.ok).toBe(false);
    expect(verdict(quota.verdicts, "maxEnvironments")).toMatchObject({
      limit: 3,
      required: 4,
      ok: false,
      message: "Environments: your plan allows 3 and all 3 are in use.",
    });
  });

  it("locks the Trial plan: ok is false even for verdicts that would pass, and the verdicts stay", () => {
    const roomy: AccountPlan = {
      ...trial,
      quotas: { maxEnvironments: 5, maxNodesPerEnvironment: 50, maxNodesPerGroup: 50, maxCloudletsPerNode: 64 },
    };
    const quota = quotaOf(settings(), roomy);
    expect(quota.verdicts).toHaveLength(5);
    expect(quota.verdicts.every((v) => v.ok)).toBe(true);
    expect(quota.ok).toBe(false);
  });

  it("reports the Trial plan's cloudlet limit against the 32-cloudlet control plane", () => {
    const quota = quotaOf(settings(), trial);
    expect(verdict(quota.verdicts, "maxCloudletsPerNode")).toMatchObject({
      limit: 16,
      required: 32,
      ok: false,
      message: "Cloudlets per node: your plan allows 16, this cluster needs 32 (Control plane).",
    });
  });

  it("shows 45 workers as asked, over the install limit, in the words Install refuses with", () => {
    const quota = quotaOf(settings({ workers: 45, storage: false }), business);
    expect(quota.ok).toBe(false);
    expect(verdict(quota.verdicts, "workersAtInstall")).toMatchObject({
      limit: 20,
      required: 45,
      ok: false,
      message: "Workers at install: at most 20, this cluster asks for 45. Start with 20 or fewer and scale out later.",
    });
    expect(verdict(quota.verdicts, "maxNodesPerGroup")).toMatchObject({ required: 45, ok: false });
    const refused = installSettingsSchema.safeParse(settings({ workers: 45, storage: false }));
    expect(refused.error?.issues.find((i) => i.path[0] === "workers")?.message).toBe(
      verdict(quota.verdicts, "workersAtInstall").message,
    );
  });

  it("counts a day-2 plan's environment as one in use, not an extra one, without the install limit", () => {
    const quota = computePlan(settings({ workers: 25, storage: false }), {
      plan: business,
      environmentsInUse: 2,
      existing: true,
    }).quota;
    expect(verdict(quota.verdicts, "maxEnvironments")).toMatchObject({
      required: 3,
      ok: true,
      message: "Environments: 3 of 10 in use, this one included.",
    });
    expect(quota.verdicts.map((v) => v.quota)).not.toContain("workersAtInstall");
  });

  it("writes a passing message that still quotes both numbers", () => {
    const { verdicts } = quotaOf(production(), business);
    expect(verdict(verdicts, "maxNodesPerEnvironment").message).toBe(
      "Nodes per environment: this cluster needs 10 of the 40 your plan allows.",
    );
    expect(verdict(verdicts, "maxEnvironments").message).toBe("Environments: 0 of 10 in use; this one makes 1.");
  });
});
