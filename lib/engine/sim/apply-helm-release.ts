import type { Sim } from "./create-sim";
import type { ApplyResult, HelmReleaseSpec, HelmReleaseStatus, JsonObject } from "./types";

/**
 * Helm's record of a release (kind HelmRelease in the release's namespace): `helm upgrade --install` is
 * deployed at revision 1, and each changed upgrade bumps the revision; an identical one changes nothing.
 * The chart's workloads are applied separately, as objects of their own.
 */
export function applyHelmRelease(
  sim: Sim,
  input: { namespace: string; name: string; chart: string; repo: string; version: string; values?: JsonObject },
): ApplyResult {
  const ref = { kind: "HelmRelease", namespace: input.namespace, name: input.name };
  const spec: HelmReleaseSpec = {
    chart: input.chart,
    repo: input.repo,
    version: input.version,
    values: input.values ?? {},
  };
  const existing = sim.objects.get<HelmReleaseSpec, HelmReleaseStatus>(ref);
  const { result } = sim.objects.apply({ ...ref, spec });
  if (result !== "unchanged") {
    const status: HelmReleaseStatus = { status: "deployed", revision: (existing?.status.revision ?? 0) + 1 };
    sim.objects.setStatus(ref, status);
  }
  return result;
}
