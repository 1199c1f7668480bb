import {
  addons,
  dashboards,
  findRegion,
  ingressControllers,
  topologies,
  type AddonId,
  type Dashboard,
  type IngressController,
  type Region,
  type Topology,
  type TopologyId,
} from "@/lib/catalog";
import type { InstallSettings } from "@/lib/validations/install-settings";

type PlannedDeployment = { kind: "clean" } | { kind: "helm"; chart: string } | { kind: "manifests" };

/** Settings with every catalogue reference looked up and every value the plan cannot use replaced. */
export type ResolvedSettings = {
  topology: Topology;
  version: string;
  name: string;
  regionId: string;
  region: Region | undefined;
  /** The region's domain, or `<region id>.invalid` so a bad region is visible in every hostname. */
  regionDomain: string;
  priceFactor: number;
  workers: number;
  /** The workers asked for, floored, before any bound: the install limit's verdict quotes it. */
  requestedWorkers: number;
  /** False as well when the topology has no storage nodes to give. */
  storage: boolean;
  ingress: IngressController;
  dashboard: Dashboard;
  deployment: PlannedDeployment;
  /** Add-ons that need storage are off when storage is off: they could not run. */
  addons: Record<AddonId, boolean>;
  /** The certificate manager's domain, when one is set. */
  certificateDomain: string | undefined;
  /** The worker autoscaler's range, when it is on. */
  autoscaling: { minWorkers: number; maxWorkers: number } | undefined;
};

type Loose = Partial<Record<string, unknown>>;

/**
 * The dialog draws the plan live while the form is still half filled in, so the settings are read
 * defensively: a value the schema would reject becomes the nearest value that still draws a sensible plan,
 * and the schema — not the plan — tells the person what to fix. Version and region stay as typed, because
 * they only label the plan; ingress and dashboard decide what gets installed, so they fall back to the
 * schema's defaults.
 */
export function resolveSettings(settings: InstallSettings): ResolvedSettings {
  const raw = asLoose(settings);

  const topologyId = text(raw.topology);
  const topology = Object.hasOwn(topologies, topologyId)
    ? topologies[topologyId as TopologyId]
    : topologies.development;

  const regionId = text(raw.region);
  const region = findRegion(regionId);
  const regionDomain = region?.domain ?? (regionId === "" ? "invalid" : `${regionId}.invalid`);

  const storage = raw.storage === true && topology.storageNodes > 0;
  const requestedAddons = asLoose(raw.addons);
  const addonOn = (id: AddonId): boolean => {
    const addon = addons.find((a) => a.id === id);
    return requestedAddons[id] === true && (storage || addon?.requiresStorage !== true);
  };

  return {
    topology,
    version: text(raw.version),
    name: text(raw.name).trim(),
    regionId,
    region,
    regionDomain,
    priceFactor: region?.priceFactor ?? 1,
    workers: boundWorkers(raw.workers, topology.minWorkers),
    requestedWorkers: requestedWorkers(raw.workers, topology.minWorkers),
    storage,
    ingress: ingressControllers.find((c) => c.id === raw.ingress) ?? ingressControllers[0]!,
    dashboard: dashboards.find((d) => d.id === raw.dashboard) ?? dashboards[0]!,
    deployment: resolveDeployment(raw.deployment, asLoose(raw.custom)),
    addons: { monitoring: addonOn("monitoring"), tracing: addonOn("tracing"), remoteApi: addonOn("remoteApi") },
    certificateDomain: text(raw.certificateDomain).trim() || undefined,
    autoscaling: resolveAutoscaling(asLoose(raw.autoscaling)),
  };
}

function resolveAutoscaling(range: Loose): ResolvedSettings["autoscaling"] {
  const { minWorkers, maxWorkers } = range;
  return typeof minWorkers === "number" && typeof maxWorkers === "number" ? { minWorkers, maxWorkers } : undefined;
}

/**
 * The most workers a plan draws. Far above any quota, so the plan shows what was asked for and its verdicts
 * say what is wrong (install limit, quotas) rather than quietly using fewer; it only keeps an absurd number
 * (1e9 typed into the field) from building a plan of a billion nodes.
 */
const maxWorkersInPlan = 1000;

function requestedWorkers(value: unknown, minWorkers: number): number {
  return typeof value === "number" && Number.isFinite(value) ? Math.floor(value) : minWorkers;
}

/** At least the topology's minimum (the schema says so), at most maxWorkersInPlan. */
function boundWorkers(value: unknown, minWorkers: number): number {
  return Math.min(Math.max(requestedWorkers(value, minWorkers), minWorkers), Math.max(maxWorkersInPlan, minWorkers));
}

function resolveDeployment(deployment: unknown, custom: Loose): PlannedDeployment {
  if (deployment !== "custom") return { kind: "clean" };
  if (custom.kind === "manifests") return { kind: "manifests" };
  return { kind: "helm", chart: text(custom.chart).trim() };
}

function asLoose(value: unknown): Loose {
  return typeof value === "object" && value !== null ? (value as Loose) : {};
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}
