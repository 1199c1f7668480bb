import { isEnvironmentName } from "@/lib/validations/environment-name";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { assessAddonRequests } from "./assess-addon-requests";
import { assessQuotas } from "./assess-quotas";
import { buildEndpoints } from "./build-endpoints";
import { buildNodeGroups, type NodeIds } from "./build-node-groups";
import { buildStepGraph } from "./build-step-graph";
import { clusterQuotaOf } from "./cluster-quota";
import { computePrice } from "./compute-price";
import { computeTotals } from "./compute-totals";
import { countNodes } from "./count-nodes";
import { criticalPath } from "./critical-path";
import { planStages } from "./plan-stages";
import { resolveSettings } from "./resolve-settings";
import type { EnvironmentPlan, QuotaContext } from "./types";

/** Stands for the name in the plan's domain and hostnames until the name is one the schema accepts. */
const namePlaceholder = "<name>";

/**
 * Settings + catalogue + quota → the plan the dialog shows and the engine executes. Pure and total: it never
 * throws, even for settings the schema would reject (see resolveSettings), and equal inputs give deep-equal
 * plans that share no objects with the catalogue or with each other. `nodeIds` names the nodes of a cluster
 * that already exists (day 2); a new cluster leaves it out.
 */
export function computePlan(settings: InstallSettings, quota: QuotaContext, nodeIds: NodeIds = {}): EnvironmentPlan {
  const resolved = resolveSettings(settings);
  // A half-typed name ("Mon-Cluster", "a") must not read as a domain the cluster would get.
  const domain = `${isEnvironmentName(resolved.name) ? resolved.name : namePlaceholder}.${resolved.regionDomain}`;
  const nodeGroups = buildNodeGroups(countNodes(resolved.topology, resolved), domain, nodeIds);
  const addonRequests = assessAddonRequests(nodeGroups, resolved.addons);
  const totals = computeTotals(nodeGroups);
  const steps = buildStepGraph(resolved, nodeGroups);
  const usedStages = new Set(steps.map((s) => s.stage));

  return {
    topology: resolved.topology.id,
    version: resolved.version,
    name: resolved.name,
    region: resolved.regionId,
    domain,
    nodeGroups,
    totals,
    price: computePrice(totals, resolved.priceFactor),
    endpoints: buildEndpoints(domain, resolved.topology, resolved.addons, resolved.certificateDomain),
    quota: assessQuotas(nodeGroups, quota, { requestedWorkers: resolved.requestedWorkers, addonRequests }),
    ...(addonRequests ? { addonRequests } : {}),
    clusterQuota: clusterQuotaOf(nodeGroups, quota.plan),
    stages: planStages.filter((s) => usedStages.has(s.id)).map((s) => ({ ...s })),
    steps,
    estimate: {
      criticalPathSeconds: criticalPath(steps),
      sequentialSeconds: steps.reduce((sum, s) => sum + s.estimatedSeconds, 0),
    },
  };
}
