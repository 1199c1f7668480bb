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
    expect(readSettingsFile(file("ok.yaml", "name: demo\nregion: eu-central\nworkers: 2\n"))).toEqual({ body: { name: "demo", region: "eu-central", workers: 2 }, ignored: [] });
    expect(readSettingsFile(file("ok.json", '{"name":"demo","region":"eu-central","addons":{"remoteApi":true}}')).body).toEqual({
      name: "demo",
      region: "eu-central",
      addons: { remoteApi: true },
    });
  });

  it("lists each field's error as field: message (exit 2)", () => {
    const error = refusal(file("bad.yaml", "name: X\nregion: eu-central\nworkers: 0\nstorage: false\naddons:\n  monitoring: true\n"));
    expect(error.exitCode).toBe(2);
    expect(error.details).toEqual(
      expect.arrayContaining(["name: Use at least 3 characters.", "workers: At least 1 worker is needed.", expect.stringMatching(/^addons\.monitoring: Monitoring needs NFS storage/)]),
    );
  });

  it("needs name and region, which have no default", () => {
    const error = refusal(file("empty.yaml", "topology: development\n"));
    expect(error.details.map((d) => d.split(":")[0])).toEqual(expect.arrayContaining(["name", "region"]));
  });

  it("refuses what is not a mapping of settings, or not YAML, or no file", () => {
    expect(refusal(file("list.yaml", "- name: demo\n")).message).toMatch(/must hold the settings as a mapping/);
    expect(refusal(file("broken.yaml", "name: [demo\n")).message).toMatch(/is not valid YAML or JSON/);
    expect(refusal(path.join(dir, "missing.yaml"))).toMatchObject({ exitCode: 2, message: expect.stringMatching(/^Cannot read/) });
  });

  it("names top-level fields that are not settings", () => {
    expect(readSettingsFile(file("typo.yaml", "name: demo\nregion: eu-central\nwokers: 3\n")).ignored).toEqual(["wokers"]);
  });
});
