import { describe, expect, it } from "vitest";
import { findAccountPlan } from "@/lib/catalog";
import { computePlan } from "@/lib/plan";
import { defaultInstallSettings } from "@/lib/validations/install-settings";
import { kubernetesApiUrl } from "./kubernetes-api-url";
import { withKubernetesApiEndpoint } from "./with-kubernetes-api-endpoint";

describe("withKubernetesApiEndpoint", () => {
  const id = "3f1e6a52-9a57-4c3e-8f0e-2b1d2c3a4b5c";
  const base = defaultInstallSettings("shop", "eu-central");
  const plan = (remoteApi: boolean) =>
    computePlan(
      { ...base, addons: { ...base.addons, remoteApi } },
      { plan: findAccountPlan("business")!, environmentsInUse: 0 },
    );

  it("shows the address the kubeconfig names, not the plan's placeholder on the cluster's domain", () => {
    const endpoints = withKubernetesApiEndpoint(plan(true).endpoints, id, "http://localhost:3000");
    expect(endpoints.remoteApi).toBe(`https://localhost:3000/k8s/clusters/${id}`);
    expect(endpoints.remoteApi).toBe(kubernetesApiUrl(id, "http://localhost:3000"));
    expect(endpoints.cluster).toBe(plan(true).endpoints.cluster);
  });

  it("adds nothing while Remote API access is off, and leaves a missing result alone", () => {
    expect(withKubernetesApiEndpoint(plan(false).endpoints, id, "http://localhost:3000")).not.toHaveProperty(
      "remoteApi",
    );
    expect(withKubernetesApiEndpoint(null, id, "http://localhost:3000")).toBeNull();
  });
});
