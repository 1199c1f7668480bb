import { describe, expect, it } from "vitest";
import { parseInstallBody } from "./install-body";

const errorsOf = (body: unknown) => {
  const parsed = parseInstallBody(body);
  return parsed.success ? {} : parsed.errors;
};

describe("parseInstallBody", () => {
  it("takes name and region, and add-ons or the custom deployment field by field; the rest are the dialog's defaults", () => {
    const parsed = parseInstallBody({
      name: "demo",
      region: "eu-central",
      addons: { remoteApi: true },
      custom: { kind: "manifests" },
    });
    expect(parsed).toMatchObject({
      success: true,
      settings: {
        workers: 1,
        storage: true,
        addons: { monitoring: false, tracing: false, remoteApi: true },
        custom: { kind: "manifests", chart: "" },
      },
    });
  });

  it("refuses a key that is not a setting as its own field, at every level, naming those there are", () => {
    expect(
      errorsOf({
        name: "demo",
        region: "eu-central",
        wokers: 3,
        addons: { grafana: true },
        custom: { helmChart: "x" },
      }),
    ).toEqual({
      wokers: expect.stringMatching(
        /^Not an install setting: use version, dashboard, topology, workers, .* or autoscaling\.$/,
      ),
      "addons.grafana": "Not an add-on: use monitoring, tracing or remoteApi.",
      "custom.helmChart":
        "Not a custom deployment field: use kind, repositoryUrl, chart, chartVersion, values or manifests.",
    });
  });

  it("checks the fields first, then the rules across them, as the API does", () => {
    expect(
      errorsOf({ name: "demo", region: "eu-central", workers: 0, storage: false, addons: { tracing: true } }),
    ).toEqual({ workers: "At least 1 worker is needed." });
    expect(errorsOf({ name: "demo", region: "eu-central", storage: false, addons: { tracing: true } })).toEqual({
      "addons.tracing": expect.stringMatching(/^Tracing needs NFS storage/),
    });
  });

  it("says which values an enum takes", () => {
    expect(
      errorsOf({ name: "demo", region: "eu-central", ingress: "envoy", dashboard: "lens", topology: "huge" }),
    ).toEqual({
      ingress: "Choose an ingress controller: nginx, traefik or haproxy.",
      dashboard: "Choose a dashboard: headlamp, kubernetes-dashboard or skooner.",
      topology: "Choose Development or Production (development or production).",
    });
    expect(errorsOf({ name: "demo", region: "us-east" })).toEqual({
      region: expect.stringMatching(/^Ashburn is not available/),
    });
  });
});
