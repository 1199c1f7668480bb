import { describe, expect, it } from "vitest";
import { findAccountPlan } from "@/lib/catalog";
import { defaultInstallSettings } from "@/lib/validations/install-settings";
import { clusterQuotaFor } from "./cluster-quota";
import { computePlan } from "./compute-plan";

const plan = (tier: "developer" | "business", workers: number) =>
  computePlan(
    { ...defaultInstallSettings("demo", "eu-central"), workers },
    { plan: findAccountPlan(tier)!, environmentsInUse: 0 },
  );

describe("the cluster quota a plan sets", () => {
  it("allows 110 pods per worker up to the tier's cap, and the tier's objects", () => {
    expect(plan("developer", 1).clusterQuota).toEqual({ pods: 110, objects: 2000 });
    expect(plan("developer", 3).clusterQuota).toEqual({ pods: 330, objects: 2000 });
    expect(plan("developer", 4).clusterQuota).toEqual({ pods: 330, objects: 2000 });
    expect(plan("business", 4).clusterQuota).toEqual({ pods: 440, objects: 4000 });
    expect(plan("business", 20).clusterQuota).toEqual({ pods: 1100, objects: 4000 });
  });

  it("gives a plan stored before quotas existed the default tier's, from its workers", () => {
    const { clusterQuota: _absent, ...old } = plan("business", 2);
    expect(clusterQuotaFor(old)).toEqual({ pods: 220, objects: 2000 });
    expect(clusterQuotaFor(plan("business", 2))).toEqual({ pods: 220, objects: 4000 });
  });
});
