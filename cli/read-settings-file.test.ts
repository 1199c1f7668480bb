import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CliError } from "./cli-error";
import { readSettingsFile } from "./read-settings-file";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clusterport-settings-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

function refusal(p: string): CliError {
  try {
    readSettingsFile(p);
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error("accepted");
}

describe("readSettingsFile", () => {
  it("reads YAML and JSON, leaving the rest to the dialog's defaults, and sends what the file says", () => {
    expect(readSettingsFile(file("ok.yaml", "name: demo\nregion: eu-central\nworkers: 2\n"))).toEqual({
      name: "demo",
      region: "eu-central",
      workers: 2,
    });
    expect(
      readSettingsFile(file("ok.json", '{"name":"demo","region":"eu-central","addons":{"remoteApi":true}}')),
    ).toEqual({
      name: "demo",
      region: "eu-central",
      addons: { remoteApi: true },
    });
  });

  it("lists each field's error as field: message (exit 2)", () => {
    const error = refusal(file("bad.yaml", "name: X\nregion: eu-central\nworkers: 0\n"));
    expect(error.exitCode).toBe(2);
    expect([...error.details].sort()).toEqual([
      "name: Use at least 3 characters.",
      "workers: At least 1 worker is needed.",
    ]);
    // The rules across fields come second, as on the server: once each field is well formed.
    expect(
      refusal(file("rules.yaml", "name: demo\nregion: eu-central\nstorage: false\naddons:\n  monitoring: true\n"))
        .details,
    ).toEqual([expect.stringMatching(/^addons\.monitoring: Monitoring needs NFS storage/)]);
  });

  it("needs name and region, which have no default", () => {
    const error = refusal(file("empty.yaml", "topology: development\n"));
    expect(error.details.map((d) => d.split(":")[0])).toEqual(expect.arrayContaining(["name", "region"]));
  });

  it("refuses what is not a mapping of settings, or not YAML, or no file", () => {
    expect(refusal(file("list.yaml", "- name: demo\n")).message).toMatch(/must hold the settings as a mapping/);
    expect(refusal(file("broken.yaml", "name: [demo\n")).message).toMatch(/is not valid YAML or JSON/);
    expect(refusal(path.join(dir, "missing.yaml"))).toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/^Cannot read/),
    });
  });

  it("refuses a key that is not a setting, at any level, as the server does (exit 2)", () => {
    const error = refusal(file("typo.yaml", "name: demo\nregion: eu-central\nwokers: 3\naddons:\n  monitorng: true\n"));
    expect(error.exitCode).toBe(2);
    expect([...error.details].sort()).toEqual([
      "addons.monitorng: Not an add-on: use monitoring, tracing or remoteApi.",
      expect.stringMatching(/^wokers: Not an install setting: use version, dashboard, .*workers/),
    ]);
  });

  it("lists the values a region or a version takes", () => {
    expect(refusal(file("region.yaml", "name: demo\nregion: mars\nversion: 1.20.0\n")).details).toEqual([
      "version: Choose a Kubernetes version: 1.37.1, 1.36.5, 1.35.9 or 1.34.12.",
    ]);
    expect(refusal(file("region2.yaml", "name: demo\nregion: mars\n")).details).toEqual([
      "region: Choose a region: eu-central, eu-west or ch-west.",
    ]);
  });
});
