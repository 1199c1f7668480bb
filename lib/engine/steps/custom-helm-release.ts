import { parseDocument } from "yaml";
import type { JsonObject } from "@/lib/engine/sim";
import { permanentError } from "@/lib/engine/step-error";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { yamlLimits } from "@/lib/validations/yaml-limits";

export type CustomHelmRelease = {
  name: string;
  namespace: string;
  chart: string;
  repo: string;
  version: string;
  values: JsonObject;
  /** The workload the chart runs, as the simulation models it. */
  replicas: number;
  image: string;
  servicePort: number;
  ingressPath?: string;
};

const fixAction = "Correct the chart in the install settings and install again.";

/**
 * The user's Helm chart as a release: name = the chart's last path segment, namespace default. Throws a
 * permanent USER error when the chart cannot be found — a repository host under .invalid does not resolve,
 * and a chart named does-not-exist is not in any repository — or when the values are not a YAML mapping.
 */
export function customHelmRelease(settings: InstallSettings): CustomHelmRelease {
  const c = settings.custom;
  const chart = c.chart.trim();
  const repo = c.repositoryUrl.trim();
  const name =
    (chart.split("/").pop() ?? "")
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, "-")
      .replace(/^-+|-+$/g, "") || "release";
  let host: string | undefined;
  try {
    host = new URL(repo).hostname || undefined;
  } catch {
    host = undefined;
  }
  if (chart === "" || host === undefined) {
    throw permanentError(
      "chart-not-found",
      `Chart "${chart}" cannot be installed: "${repo}" is not a chart repository URL.`,
      "user",
      fixAction,
    );
  }
  if (host.endsWith(".invalid")) {
    throw permanentError(
      "chart-not-found",
      `Chart "${chart}" not found in ${repo}: the repository host ${host} does not resolve.`,
      "user",
      fixAction,
    );
  }
  if (name === "does-not-exist") {
    throw permanentError(
      "chart-not-found",
      `Chart "${chart}" not found in ${repo} (404 Not Found).`,
      "user",
      fixAction,
    );
  }
  const doc = parseDocument(c.values);
  const parsed: unknown = doc.errors.length > 0 ? null : doc.toJS({ maxAliasCount: yamlLimits.aliases });
  if (
    doc.errors.length > 0 ||
    (parsed !== null && parsed !== undefined && (typeof parsed !== "object" || Array.isArray(parsed)))
  ) {
    throw permanentError(
      "helm-values-invalid",
      `The values for chart "${chart}" are not a YAML mapping.`,
      "user",
      "Correct the Helm values in the install settings and install again.",
    );
  }
  const values = (parsed ?? {}) as JsonObject;
  const version = c.chartVersion.trim() === "" ? "latest" : c.chartVersion.trim();
  const image = obj(values.image);
  const service = obj(values.service);
  const ingress = obj(values.ingress);
  const replicaCount = values.replicaCount;
  return {
    name,
    namespace: "default",
    chart,
    repo,
    version,
    values,
    replicas:
      typeof replicaCount === "number" && Number.isInteger(replicaCount) ? Math.min(Math.max(replicaCount, 1), 10) : 1,
    image:
      typeof image.repository === "string"
        ? `${image.repository}:${typeof image.tag === "string" || typeof image.tag === "number" ? String(image.tag) : version}`
        : `${name}:${version}`,
    servicePort: typeof service.port === "number" ? service.port : 80,
    ...(ingress.enabled === true ? { ingressPath: typeof ingress.path === "string" ? ingress.path : "/" } : {}),
  };
}

function obj(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
