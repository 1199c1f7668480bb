import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CliError } from "./cli-error";
import { configFilePath, readConfigFile, removeConfigFile, writeConfigFile } from "./config-file";
import { resolveCredentials } from "./resolve-credentials";

let home: string;
beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), "clusterport-cli-"));
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe("the config file", () => {
  it("lives under XDG_CONFIG_HOME, else ~/.config; a relative XDG_CONFIG_HOME is ignored", () => {
    expect(configFilePath({ XDG_CONFIG_HOME: home })).toBe(path.join(home, "clusterport", "config.json"));
    expect(configFilePath({})).toBe(path.join(os.homedir(), ".config", "clusterport", "config.json"));
    expect(configFilePath({ XDG_CONFIG_HOME: "relative/dir" })).toBe(
      path.join(os.homedir(), ".config", "clusterport", "config.json"),
    );
  });

  it("is written readable by its owner only (0600) in a 0700 directory, and read back", () => {
    const env = { XDG_CONFIG_HOME: home };
    const file = writeConfigFile(env, { url: "http://localhost:3000", token: "cp_secret" });
    expect(mode(file)).toBe(0o600);
    expect(mode(path.dirname(file))).toBe(0o700);
    expect(readConfigFile(env)).toEqual({ url: "http://localhost:3000", token: "cp_secret" });
    expect(fs.readdirSync(path.dirname(file))).toEqual(["config.json"]);
  });

  it("narrows a directory and a file that were open to others, when logging in again", () => {
    const env = { XDG_CONFIG_HOME: home };
    const dir = path.join(home, "clusterport");
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, "config.json"), "{}", { mode: 0o644 });
    const file = writeConfigFile(env, { url: "http://localhost:3000", token: "cp_new" });
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
  });

  it("is removed by logout; none is undefined", () => {
    const env = { XDG_CONFIG_HOME: home };
    writeConfigFile(env, { url: "http://localhost:3000", token: "cp_secret" });
    expect(removeConfigFile(env)).toBe(true);
    expect(removeConfigFile(env)).toBe(false);
    expect(readConfigFile(env)).toBeUndefined();
  });

  it("refuses a file that is not a config (exit 2)", () => {
    const env = { XDG_CONFIG_HOME: home };
    fs.mkdirSync(path.join(home, "clusterport"));
    fs.writeFileSync(path.join(home, "clusterport", "config.json"), "{ not json");
    expect(() => readConfigFile(env)).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});

describe("resolveCredentials", () => {
  it("takes CLUSTERPORT_URL and CLUSTERPORT_TOKEN over the stored login, each on its own", () => {
    const env = { XDG_CONFIG_HOME: home };
    writeConfigFile(env, { url: "http://stored.test/", token: "cp_stored" });
    expect(resolveCredentials(env)).toEqual({ url: "http://stored.test", token: "cp_stored" });
    expect(resolveCredentials({ ...env, CLUSTERPORT_TOKEN: "cp_ci" })).toEqual({
      url: "http://stored.test",
      token: "cp_ci",
    });
    expect(resolveCredentials({ ...env, CLUSTERPORT_URL: "https://ci.test/app/" })).toEqual({
      url: "https://ci.test/app",
      token: "cp_stored",
    });
  });

  it("says how to log in when there is nothing (exit 3)", () => {
    const error = (() => {
      try {
        resolveCredentials({ XDG_CONFIG_HOME: home });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ exitCode: 3, message: expect.stringContaining("clusterport login --url") });
  });
});
