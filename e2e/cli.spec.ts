import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { parse } from "yaml";
import { cli, signUpViaApi } from "./support";

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test("the clusterport CLI installs, reads, changes and deletes an environment, with the exit codes it documents", async ({
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { email } = await signUpViaApi(request);
  const token = async (scope: "read" | "write") => {
    const res = await request.post("/api/v1/tokens", { data: { name: `cli-${scope}`, scope } });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { token: string }).token;
  };
  const writeToken = await token("write");
  const readToken = await token("read");
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "clusterport-cli-e2e-"));
  const env = { XDG_CONFIG_HOME: home, CLUSTERPORT_URL: baseURL! };
  const run = (...args: string[]) => cli(args, env);
  const name = `cli-${Date.now().toString(36)}`;
  /** The cluster's API as the kubeconfig names it: the one address every place gives. */
  let apiServer = "";

  await test.step("login checks the token and stores it for the owner only", async () => {
    const login = await run("login", "--url", baseURL!, "--token", writeToken);
    expect(login, login.stderr).toMatchObject({
      code: 0,
      stdout: `Logged in to ${baseURL} as Test User <${email}> (Developer plan, token:cli-write).\n`,
    });
    const file = path.join(home, "clusterport", "config.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ url: baseURL, token: writeToken });
    expect(await run("login", "--url", baseURL!, "--token", "cp_not-a-token")).toMatchObject({
      code: 3,
      stderr: expect.stringMatching(/^error: This is not a Clusterport API token.*Run `clusterport login/),
    });
  });

  await test.step("a bad settings file is refused field by field before any request (exit 2)", async () => {
    const bad = path.join(home, "bad.yaml");
    fs.writeFileSync(bad, `name: ${name}\nregion: eu-central\nworkers: 0\n`);
    expect(await run("env", "create", "--file", bad)).toMatchObject({
      code: 2,
      stdout: "",
      stderr: expect.stringContaining("  workers: At least 1 worker is needed.\n"),
    });
    // A key that is not a setting is refused locally too, as the server refuses it: never "ignored", then sent.
    fs.writeFileSync(bad, `name: ${name}\nregion: eu-central\nwokers: 2\n`);
    expect(await run("env", "create", "--file", bad)).toMatchObject({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(/\n {2}wokers: Not an install setting: use .*workers/),
    });
    fs.writeFileSync(bad, `name: ${name}\nregion: mars\n`);
    expect(await run("env", "create", "--file", bad)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("  region: Choose a region: eu-central, eu-west or ch-west.\n"),
    });
  });

  await test.step("catalog lists what a settings file can choose, as tables or the API's JSON", async () => {
    const catalog = await run("catalog");
    expect(catalog, catalog.stderr).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Regions \(region\)\nID +NAME/),
    });
    expect(catalog.stdout).toMatch(/\neu-central +Frankfurt +Germany +fra\.clusterport\.cloud +yes\n/);
    const json = await run("catalog", "--json");
    const body = JSON.parse(json.stdout) as {
      kubernetesVersions: { id: string; default: boolean }[];
      regions: { id: string }[];
    };
    expect(body.kubernetesVersions.find((v) => v.default)?.id).toMatch(/^\d+\.\d+\.\d+$/);
    expect(body.regions.map((r) => r.id)).toContain("eu-central");
  });

  await test.step("env create, then env status --watch to running", async () => {
    const settings = path.join(home, "settings.yaml");
    fs.writeFileSync(settings, `name: ${name}\nregion: eu-central\ndisplayName: CLI cluster\n`);
    const create = await run("env", "create", "--file", settings);
    expect(create, create.stderr).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(new RegExp(`^Created ${name} \\((queued|installing)\\) in `)),
    });
    const watch = await run("env", "status", name, "--watch");
    expect(watch, watch.stderr).toMatchObject({ code: 0 });
    const lines = watch.stdout.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(0, -1).every((l) => /^\[[#-]{16}\] \d+% \d+\/\d+ steps · [\d a-z]+ elapsed · .+$/.test(l))).toBe(
      true,
    );
    expect(lines.slice(0, -2).some((l) => / · (about [\d a-z]+ left|finishing) · /.test(l))).toBe(true);
    expect(lines.at(-2)).toMatch(/^\[#{16}\] 100% (\d+)\/\1 steps · [\d a-z]+ elapsed · running$/);
    expect(lines.at(-1)).toBe(`${name} is running.`);
  });

  await test.step("env kubeconfig prints the YAML only; env list --json prints the API's JSON only; env logs prints lines", async () => {
    const kubeconfig = await run("env", "kubeconfig", name);
    expect(kubeconfig).toMatchObject({ code: 0, stderr: "" });
    const config = parse(kubeconfig.stdout) as { kind: string; clusters: { cluster: { server: string } }[] };
    expect(config.kind).toBe("Config");
    apiServer = config.clusters[0]?.cluster.server ?? "";
    expect(apiServer).toMatch(new RegExp(`^${baseURL!.replace(/^http:/, "https:")}/k8s/clusters/[0-9a-f-]{36}$`));

    const list = await run("env", "list", "--json");
    expect(list.code).toBe(0);
    const page = JSON.parse(list.stdout) as { items: { name: string; status: string }[]; nextCursor: null };
    expect(page.nextCursor).toBeNull();
    expect(page.items).toEqual([expect.objectContaining({ name, status: "running" })]);

    const logs = await run("env", "logs", name);
    expect(logs.code).toBe(0);
    const lines = logs.stdout.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.every((l) => /^\d{4}-\d\d-\d\dT[\d:.]+Z (info |warn |error) \S+ \S+ .+$/.test(l))).toBe(true);
  });

  await test.step("addon enable remote-api, then env status --watch to running again", async () => {
    const enable = await run("addon", "enable", name, "remote-api");
    expect(enable, enable.stderr).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`Follow it with: clusterport env status ${name} --watch`),
    });
    const watch = await run("env", "status", name, "--watch");
    expect(watch, watch.stderr).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(new RegExp(`\\n${name} is running\\.\\n$`)),
    });
    const status = await run("--json", "env", "status", name);
    expect((JSON.parse(status.stdout) as { endpoints: Record<string, string> }).endpoints.remoteApi).toBe(apiServer);
  });

  await test.step("env scale --preview prints the plan diff and changes nothing; env scale --watch adds a worker", async () => {
    const preview = await run("env", "scale", name, "--workers", "2", "--preview");
    expect(preview, preview.stderr).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(
        new RegExp(`^Preview, nothing changed: the change on ${name} scales workers 1 → 2`),
      ),
    });
    expect(preview.stdout).toMatch(/\nSteps \(\d+, about .+\)\n {2}1\. /);
    expect(JSON.parse((await run("--json", "env", "status", name)).stdout)).toMatchObject({
      status: "running",
      operation: { type: expect.not.stringMatching(/scale/) },
    });
    const scale = await run("env", "scale", name, "--workers", "2", "--watch");
    expect(scale, scale.stderr).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(
        new RegExp(`^Change started on ${name}: scales workers 1 → 2[^\\n]*\\n[\\s\\S]*\\n${name} is running\\.\\n$`),
      ),
    });
    // As many nodes now as the preview said there would be.
    const nodes = /^Nodes +(\d+) → (\d+)$/m.exec(preview.stdout);
    expect(nodes, preview.stdout).not.toBeNull();
    const list = JSON.parse((await run("env", "list", "--json")).stdout) as {
      items: { name: string; nodes: number }[];
    };
    expect(list.items.find((e) => e.name === name)?.nodes).toBe(Number(nodes![2]));
    expect(await run("env", "scale", name, "--workers", "0")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("  workers: At least 1 worker is needed.\n"),
    });
  });

  await test.step("error exits: not found 4, read token 3, not a terminal without --yes 2, unreachable 6", async () => {
    expect(await run("env", "delete", `${name}-nope`, "--yes")).toMatchObject({
      code: 4,
      stdout: "",
      stderr: expect.stringContaining(`${name}-nope`),
    });
    expect(await run("env", "status", `${name}-nope`)).toMatchObject({ code: 4 });
    const readOnly = await cli(["env", "delete", name, "--yes"], { ...env, CLUSTERPORT_TOKEN: readToken });
    expect(readOnly).toMatchObject({
      code: 3,
      stderr: expect.stringMatching(/needs a Read and write token.*`clusterport login`/),
    });
    expect(await run("env", "delete", name)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("without --yes"),
    });
    const unreachable = await cli(["env", "list"], {
      ...env,
      CLUSTERPORT_URL: `http://127.0.0.1:${await closedPort()}`,
    });
    expect(unreachable).toMatchObject({
      code: 6,
      stderr: expect.stringMatching(/^error: Cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/),
    });
  });

  await test.step("env delete --yes, then env status --watch to deleted; logout", async () => {
    expect(await run("env", "delete", name, "--yes")).toMatchObject({
      code: 0,
      stdout: `Deleting ${name}. Follow it with: clusterport env status ${name} --watch\n`,
    });
    const watch = await run("env", "status", name, "--watch");
    expect(watch, watch.stderr).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(new RegExp(`\\n${name} is deleted\\.\\n$`)),
    });
    expect(await run("logout")).toMatchObject({ code: 0 });
    expect(fs.existsSync(path.join(home, "clusterport", "config.json"))).toBe(false);
    expect(await run("env", "list")).toMatchObject({
      code: 3,
      stderr: expect.stringContaining("clusterport login --url"),
    });
  });
  fs.rmSync(home, { recursive: true, force: true });
});
