import {
  addons,
  dashboards,
  ingressControllers,
  kubernetesVersions,
  maxWorkersAtInstall,
  regions,
  topologies,
  type TopologyId,
} from "@/lib/catalog";
import { describeTooManyWorkers } from "@/lib/plan/quota-labels";
import { autoscalingRangeSchema } from "./autoscaling";
import { domainNameSchema } from "./domain-name";
import { environmentNameSchema } from "./environment-name";
import { multilineText, singleLineText } from "./text-rules";
import { checkHelmValues, checkManifests, formatYamlProblems } from "./yaml-checks";
import { z } from "./zod";

/** "a, b or c": the values a field takes, in its error message, so that an API client or the CLI can fix a typo. */
export function listValues(values: readonly string[]): string {
  return values.length < 2 ? (values[0] ?? "") : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
}

function oneOf(items: readonly { id: string; name?: string }[], what: string) {
  const choices = `Choose ${/^[aeiou]/i.test(what) ? "an" : "a"} ${what}: ${listValues(items.map((i) => i.id))}.`;
  return z.string({ error: choices }).refine((v) => items.some((i) => i.id === v), { error: choices });
}

/** https:// or oci:// followed by the characters RFC 3986 allows in a URL: no spaces, quotes, < or >. */
const helmRepoPattern = /^(https:\/\/|oci:\/\/)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;
const chartNamePattern = /^[a-z0-9]([a-z0-9._-]*[a-z0-9])?(\/[a-z0-9]([a-z0-9._-]*[a-z0-9])?)?$/;
const chartVersionPattern = /^v?\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/;

export const customDeploymentSchema = z.object({
  kind: z.enum(["helm", "manifests"], { error: "Choose Helm chart or Kubernetes manifests." }),
  repositoryUrl: z.string().trim().max(2048, { error: "Use at most 2048 characters." }),
  chart: z.string().trim().max(253, { error: "Use at most 253 characters." }),
  chartVersion: z.string().trim().max(64, { error: "Use at most 64 characters." }),
  values: multilineText(),
  manifests: multilineText(),
});

/**
 * The install settings' fields, without the rules across fields (the API documents its install body from it).
 * `installSettingsSchema` adds those rules: one schema, two consumers — the dialog (react-hook-form +
 * zodResolver) and the server (JSON API), which parses again before anything is stored.
 */
export const installSettingsFields = z.object({
  version: oneOf(kubernetesVersions, "Kubernetes version"),
  dashboard: oneOf(dashboards, "dashboard"),
  topology: z.enum(["development", "production"], {
    error: "Choose Development or Production (development or production).",
  }),
  workers: z
    .number({ error: "Enter the number of workers." })
    .int({ error: "Enter a whole number of workers." })
    .min(1, { error: "At least 1 worker is needed." })
    // The plan's "Workers at install" verdict says the same words: the plan and Install never disagree.
    .max(maxWorkersAtInstall, { error: (issue) => describeTooManyWorkers(Number(issue.input)) }),
  ingress: oneOf(ingressControllers, "ingress controller"),
  deployment: z.enum(["clean", "custom"], { error: "Choose Clean cluster or Custom (clean or custom)." }),
  custom: customDeploymentSchema,
  storage: z.boolean(),
  addons: z.object({ monitoring: z.boolean(), tracing: z.boolean(), remoteApi: z.boolean() }),
  name: environmentNameSchema,
  displayName: singleLineText({ label: "a display name", min: 1, max: 64 }),
  region: z.string({ error: regionChoices() }),
  /** A domain of the user's own with a Let's Encrypt certificate (certificate manager); API-only at install. */
  certificateDomain: domainNameSchema.optional(),
  /** The worker autoscaler's range (API-only at install; a day-2 change on the page). */
  autoscaling: autoscalingRangeSchema.optional(),
});

export const installSettingsSchema = installSettingsFields.superRefine((s, ctx) => {
  const region = regions.find((r) => r.id === s.region);
  if (!region) ctx.addIssue({ code: "custom", path: ["region"], message: regionChoices() });
  else if (!region.active) {
    ctx.addIssue({
      code: "custom",
      path: ["region"],
      message: `${region.name} is not available: ${region.inactiveReason ?? "closed"}. Choose another region.`,
    });
  }
  const minWorkers = topologies[s.topology as TopologyId].minWorkers;
  if (s.workers < minWorkers) {
    ctx.addIssue({
      code: "custom",
      path: ["workers"],
      message: `${topologies[s.topology as TopologyId].name} needs at least ${minWorkers} workers.`,
    });
  }
  if (!s.storage) {
    for (const addon of addons) {
      if (addon.requiresStorage && s.addons[addon.id]) {
        ctx.addIssue({
          code: "custom",
          path: ["addons", addon.id],
          message: `${addon.name} needs NFS storage. Turn NFS storage on or untick ${addon.name}.`,
        });
      }
    }
  }
  if (s.deployment === "custom") refineCustom(s.custom, ctx);
  if (s.autoscaling) {
    const topology = topologies[s.topology as TopologyId];
    if (s.autoscaling.minWorkers < topology.minWorkers) {
      ctx.addIssue({
        code: "custom",
        path: ["autoscaling", "minWorkers"],
        message: `${topology.name} needs at least ${topology.minWorkers} workers.`,
      });
    } else if (s.workers < s.autoscaling.minWorkers || s.workers > s.autoscaling.maxWorkers) {
      ctx.addIssue({
        code: "custom",
        path: ["workers"],
        message: `Start with a number of workers between the autoscaler's ${s.autoscaling.minWorkers} and ${s.autoscaling.maxWorkers}.`,
      });
    }
  }
});

/** The regions open to new environments, by id: what the region's error offers. */
export function regionChoices(): string {
  return `Choose a region: ${listValues(regions.filter((r) => r.active).map((r) => r.id))}.`;
}

function refineCustom(c: z.infer<typeof customDeploymentSchema>, ctx: z.RefinementCtx) {
  const at = (field: string, message: string) => ctx.addIssue({ code: "custom", path: ["custom", field], message });
  if (c.kind === "helm") {
    if (c.repositoryUrl === "") at("repositoryUrl", "Enter the chart repository URL.");
    else if (!helmRepoPattern.test(c.repositoryUrl) || !isUrl(c.repositoryUrl)) {
      at(
        "repositoryUrl",
        "Enter an https:// or oci:// URL of letters, digits and URL punctuation (no spaces, quotes, < or >), e.g. https://charts.bitnami.com/bitnami.",
      );
    }
    if (c.chart === "") at("chart", "Enter the chart name.");
    else if (!chartNamePattern.test(c.chart)) {
      at("chart", "Use a chart name of lowercase letters, digits, dots, hyphens and underscores, e.g. nginx.");
    }
    if (c.chartVersion !== "" && !chartVersionPattern.test(c.chartVersion)) {
      at("chartVersion", "Use a version like 1.2.3, or leave it empty for the latest.");
    }
    const problems = checkHelmValues(c.values);
    if (problems.length > 0) at("values", formatYamlProblems("values", problems));
  } else {
    if (c.manifests.trim() === "") at("manifests", "Paste at least one Kubernetes manifest.");
    else {
      const problems = checkManifests(c.manifests);
      if (problems.length > 0) at("manifests", formatYamlProblems("the manifest", problems));
    }
  }
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.hostname !== "";
  } catch {
    return false;
  }
}

export type InstallSettingsInput = z.input<typeof installSettingsSchema>;
export type InstallSettings = z.output<typeof installSettingsSchema>;

const emptyCustomDeployment: InstallSettings["custom"] = {
  kind: "helm",
  repositoryUrl: "",
  chart: "",
  chartVersion: "",
  values: "",
  manifests: "",
};

/** Defaults of the dialog; the name is suggested by the server. */
export function defaultInstallSettings(name: string, region: string): InstallSettings {
  return {
    version: kubernetesVersions[0]!.id,
    dashboard: dashboards[0]!.id,
    topology: "development",
    workers: 1,
    ingress: ingressControllers[0]!.id,
    deployment: "clean",
    custom: emptyCustomDeployment,
    storage: true,
    addons: { monitoring: false, tracing: false, remoteApi: false },
    name,
    displayName: "Kubernetes Cluster",
    region,
  };
}

/**
 * For API clients: fills every field the request leaves out with the dialog's default (name and region
 * excepted, which have none), so `{ "name": "demo", "region": "eu-central" }` installs a default cluster.
 */
export function withInstallDefaults(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const b = body as Record<string, unknown>;
  const d = defaultInstallSettings("", "");
  const nested = (key: "custom" | "addons") =>
    typeof b[key] === "object" && b[key] !== null && !Array.isArray(b[key])
      ? { ...d[key], ...(b[key] as object) }
      : (b[key] ?? d[key]);
  const topology = topologies[b.topology as TopologyId] ?? topologies.development;
  return {
    ...d,
    name: undefined,
    region: undefined,
    workers: topology.minWorkers,
    ...b,
    custom: nested("custom"),
    addons: nested("addons"),
  };
}
