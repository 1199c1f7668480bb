import { describe, expect, it } from "vitest";
import { fieldErrorsFromIssues } from "@/lib/errors";
import {
  defaultInstallSettings,
  installSettingsSchema,
  withInstallDefaults,
  type InstallSettings,
} from "./install-settings";
import { multilineRule, singleLineRule } from "./text-rules";

const base = defaultInstallSettings("demo-cluster", "eu-central");
const repoRule =
  "Enter an https:// or oci:// URL of letters, digits and URL punctuation (no spaces, quotes, < or >), e.g. https://charts.bitnami.com/bitnami.";

function errorsOf(settings: unknown) {
  const result = installSettingsSchema.safeParse(settings);
  return result.success ? {} : fieldErrorsFromIssues(result.error.issues);
}

function withChange(change: Partial<InstallSettings>): InstallSettings {
  return { ...base, ...change };
}

describe("install settings schema", () => {
  it("accepts the dialog's defaults", () => {
    expect(installSettingsSchema.safeParse(base).success).toBe(true);
  });

  it.each([
    ["ab", "Use at least 3 characters."],
    ["a".repeat(41), "Use at most 40 characters."],
    ["9lives", "Start with a lowercase letter."],
    ["Shop", "Start with a lowercase letter."],
    ["shop_1", "Use only lowercase letters, digits and hyphens."],
    ["shop-", "Do not end with a hyphen."],
    ["a--b", "Do not use two hyphens in a row."],
  ])("refuses the environment name %s", (name, message) => {
    expect(errorsOf(withChange({ name }))).toEqual({ name: message });
  });

  it("trims the display name and bounds it to 1–64 characters", () => {
    expect(installSettingsSchema.parse(withChange({ displayName: "  Shop  " })).displayName).toBe("Shop");
    expect(errorsOf(withChange({ displayName: "   " }))).toEqual({ displayName: "Enter a display name." });
    expect(errorsOf(withChange({ displayName: "x".repeat(65) }))).toEqual({
      displayName: "Use at most 64 characters.",
    });
  });

  it("refuses unknown catalogue values and inactive regions", () => {
    expect(errorsOf(withChange({ version: "1.20.0" }))).toEqual({
      version: "Choose a Kubernetes version: 1.37.1, 1.36.5, 1.35.9 or 1.34.12.",
    });
    expect(errorsOf(withChange({ region: "mars" }))).toEqual({
      region: "Choose a region: eu-central, eu-west or ch-west.",
    });
    expect(errorsOf(withChange({ region: "us-east" })).region).toMatch(/^Ashburn is not available: Full/);
  });

  it("needs at least the topology's minimum of workers", () => {
    expect(errorsOf(withChange({ topology: "production", workers: 1 }))).toEqual({
      workers: "Production needs at least 2 workers.",
    });
    expect(errorsOf(withChange({ topology: "production", workers: 2 }))).toEqual({});
    expect(errorsOf(withChange({ workers: 2.5 }))).toEqual({ workers: "Enter a whole number of workers." });
  });

  it("refuses monitoring and tracing without NFS storage, but allows the remote API", () => {
    const addons = { monitoring: true, tracing: true, remoteApi: true };
    expect(errorsOf(withChange({ storage: false, addons }))).toEqual({
      "addons.monitoring": "Monitoring needs NFS storage. Turn NFS storage on or untick Monitoring.",
      "addons.tracing": "Tracing needs NFS storage. Turn NFS storage on or untick Tracing.",
    });
    expect(errorsOf(withChange({ storage: true, addons }))).toEqual({});
  });

  it("validates a custom Helm chart field by field", () => {
    const custom = {
      ...base.custom,
      kind: "helm" as const,
      repositoryUrl: "ftp://x",
      chart: "Bad Chart",
      chartVersion: "latest",
      values: "- a",
    };
    expect(errorsOf(withChange({ deployment: "custom", custom }))).toEqual({
      "custom.repositoryUrl": repoRule,
      "custom.chart": "Use a chart name of lowercase letters, digits, dots, hyphens and underscores, e.g. nginx.",
      "custom.chartVersion": "Use a version like 1.2.3, or leave it empty for the latest.",
      "custom.values": "Line 1: values must be a mapping of keys to values.",
    });
    const good = {
      ...custom,
      repositoryUrl: "https://charts.example.com",
      chart: "nginx",
      chartVersion: "1.2.3",
      values: "replicaCount: 2",
    };
    expect(errorsOf(withChange({ deployment: "custom", custom: good }))).toEqual({});
  });

  it.each([
    'https://charts.example.com/"><script>',
    "https://charts.example.com/<x>",
    "https://a b.example",
    "https://chärts.example",
  ])("refuses the Helm repository URL %j, naming the characters allowed", (repositoryUrl) => {
    const custom = { ...base.custom, kind: "helm" as const, repositoryUrl, chart: "nginx" };
    expect(errorsOf(withChange({ deployment: "custom", custom }))).toEqual({ "custom.repositoryUrl": repoRule });
  });

  it("refuses hidden characters in the display name and in YAML, naming the rule", () => {
    for (const displayName of ["a\u0000b", "line\nbreak", "x\u001b[2J", "a\ud800", "abc\u202Edef"]) {
      expect(errorsOf(withChange({ displayName }))).toEqual({ displayName: singleLineRule });
    }
    const manifests = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\u202Eb\n";
    const custom = { ...base.custom, kind: "manifests" as const, manifests };
    expect(errorsOf(withChange({ deployment: "custom", custom }))).toMatchObject({ "custom.manifests": multilineRule });
  });

  it("validates custom manifests and ignores custom fields for a clean cluster", () => {
    const custom = { ...base.custom, kind: "manifests" as const, manifests: "apiVersion: v1\nkind: Pod\n" };
    expect(errorsOf(withChange({ deployment: "custom", custom }))).toEqual({
      "custom.manifests": "Line 1: the manifest document 1 has no metadata.name.",
    });
    expect(errorsOf(withChange({ deployment: "clean", custom }))).toEqual({});
  });
});

describe("withInstallDefaults", () => {
  it("fills what an API caller leaves out, with the topology's minimum of workers", () => {
    const filled = installSettingsSchema.parse(
      withInstallDefaults({ name: "api-made", region: "eu-west", topology: "production", addons: { tracing: true } }),
    );
    expect(filled).toMatchObject({
      workers: 2,
      storage: true,
      deployment: "clean",
      addons: { monitoring: false, tracing: true, remoteApi: false },
    });
  });

  it("leaves name and region to the caller", () => {
    expect(errorsOf(withInstallDefaults({}))).toMatchObject({
      name: "Enter an environment name.",
      region: "Choose a region: eu-central, eu-west or ch-west.",
    });
  });
});
