import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli";
import { fakeIo, jsonResponse, problemResponse } from "./testing/fake-io";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clusterport-run-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const status = (s: string, extra: Record<string, unknown> = {}) => ({
  name: "demo",
  status: s,
  operation: {
    id: "op",
    type: "install",
    status: s === "running" ? "succeeded" : "running",
    summary: null,
    startedAt: null,
    finishedAt: null,
    error: null,
  },
  progress: {
    done: s === "running" ? 4 : 1,
    total: 4,
    percent: s === "running" ? 100 : 25,
    elapsedSeconds: s === "running" ? 75 : 12,
    remainingSeconds: s === "running" ? null : 63,
  },
  running: s === "running" ? [] : ["Join worker cp-1"],
  endpoints: null,
  ...extra,
});

describe("argument handling", () => {
  it("lists the exit codes in --help (exit 0)", async () => {
    const { io, stdout } = fakeIo();
    expect(await runCli(["--help"], io)).toBe(0);
    expect(stdout()).toMatch(/Exit codes:\n {2}0 {2}success/);
    expect(stdout()).toMatch(/7 {2}rate limited/);
  });

  it.each([
    [[]],
    [["env"]],
    [["nonsense"]],
    [["env", "status"]],
    [["env", "create"]],
    [["addon", "enable", "demo", "dashboard"]],
    [["env", "list", "--bogus"]],
  ])("exits 2 for %j, having said why on stderr", async (argv) => {
    const { io, stderr, requests } = fakeIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(stderr()).not.toBe("");
    expect(requests).toHaveLength(0);
  });

  it("takes --json before or after the command", async () => {
    for (const argv of [
      ["--json", "env", "list"],
      ["env", "list", "--json"],
    ]) {
      const { io, stdout } = fakeIo({ handler: () => jsonResponse(200, { items: [], nextCursor: null }) });
      expect(await runCli(argv, io)).toBe(0);
      expect(JSON.parse(stdout())).toEqual({ items: [], nextCursor: null });
    }
  });

  it("exits 3 with how to log in when there is no login", async () => {
    const { io, stderr } = fakeIo({ env: { CLUSTERPORT_URL: "", CLUSTERPORT_TOKEN: "", XDG_CONFIG_HOME: dir } });
    expect(await runCli(["env", "list"], io)).toBe(3);
    expect(stderr()).toMatch(/^error: Not logged in: run `clusterport login --url <APP_URL>`/);
  });
});

describe("commands", () => {
  it("login checks the token, stores it and says who you are; --json prints the account only", async () => {
    const account = {
      id: "u1",
      name: "Ada",
      email: "ada@example.test",
      plan: { id: "free", name: "Free" },
      via: "token:ci",
    };
    const { io, stdout, requests } = fakeIo({
      env: { XDG_CONFIG_HOME: dir },
      handler: () => jsonResponse(200, account),
    });
    expect(await runCli(["login", "--url", "http://localhost:3000/", "--token", "cp_abc"], io)).toBe(0);
    expect(stdout()).toBe("Logged in to http://localhost:3000 as Ada <ada@example.test> (Free plan, token:ci).\n");
    expect(requests[0]?.url.href).toBe("http://localhost:3000/api/v1/account");
    expect(JSON.parse(fs.readFileSync(path.join(dir, "clusterport", "config.json"), "utf8"))).toEqual({
      url: "http://localhost:3000",
      token: "cp_abc",
    });
    const again = fakeIo({ env: { XDG_CONFIG_HOME: dir }, handler: () => jsonResponse(200, account) });
    expect(await runCli(["login", "--json", "--url", "http://localhost:3000", "--token", "cp_abc"], again.io)).toBe(0);
    expect(JSON.parse(again.stdout())).toEqual(account);
  });

  it("login reads the token from a pipe when none is given", async () => {
    const { io, stdin, requests } = fakeIo({
      env: { XDG_CONFIG_HOME: dir, CLUSTERPORT_TOKEN: "" },
      handler: () => jsonResponse(200, { name: "A", email: "a@b", plan: { name: "Free" }, via: "token:x" }),
    });
    stdin.end("cp_piped\n");
    expect(await runCli(["login", "--url", "http://localhost:3000"], io)).toBe(0);
    expect(requests[0]?.headers.get("authorization")).toBe("Bearer cp_piped");
  });

  it("login refuses a URL that is not http(s) (exit 2)", async () => {
    const { io, stderr } = fakeIo({ env: { XDG_CONFIG_HOME: dir } });
    expect(await runCli(["login", "--url", "localhost:3000", "--token", "cp_x"], io)).toBe(2);
    expect(stderr()).toMatch(/is not the app's address/);
  });

  it("env list follows every page into one table", async () => {
    const env = (name: string, createdAt: string) => ({
      name,
      status: "running",
      version: "1.37.0",
      topology: "development",
      nodes: 2,
      region: { id: "eu-central", name: "Frankfurt" },
      createdAt,
    });
    const { io, stdout, requests } = fakeIo({
      handler: (url) =>
        url.searchParams.get("cursor") === "p2"
          ? jsonResponse(200, { items: [env("second", "2026-01-08T12:00:00Z")], nextCursor: null })
          : jsonResponse(200, { items: [env("first", "2026-01-10T11:55:00Z")], nextCursor: "p2" }),
    });
    expect(await runCli(["env", "list"], io)).toBe(0);
    expect(requests.map((r) => r.url.search)).toEqual(["?limit=200", "?limit=200&cursor=p2"]);
    expect(stdout()).toBe(
      "NAME    STATUS   VERSION  TOPOLOGY     NODES  REGION      AGE\nfirst   running  1.37.0   development  2      eu-central  5m\nsecond  running  1.37.0   development  2      eu-central  2d\n",
    );
  });

  it("env create validates the file locally, printing field: message, and sends nothing (exit 2)", async () => {
    const file = path.join(dir, "bad.yaml");
    fs.writeFileSync(file, "name: demo\nregion: eu-central\nworkers: 0\n");
    const { io, stderr, requests } = fakeIo();
    expect(await runCli(["env", "create", "--file", file], io)).toBe(2);
    expect(stderr()).toBe(`error: The settings in ${file} are not valid:\n  workers: At least 1 worker is needed.\n`);
    expect(requests).toHaveLength(0);
  });

  it("env create refuses a key that is not a setting, as the server would, and sends nothing (exit 2)", async () => {
    const file = path.join(dir, "typo.yaml");
    fs.writeFileSync(file, "name: demo\nregion: eu-central\nwokers: 3\n");
    const { io, stderr, requests } = fakeIo();
    expect(await runCli(["env", "create", "--file", file], io)).toBe(2);
    expect(stderr()).toMatch(
      new RegExp(
        `^error: The settings in ${file} are not valid:\n  wokers: Not an install setting: use version, dashboard, topology, workers, `,
      ),
    );
    expect(stderr()).not.toMatch(/warning|ignored/);
    expect(requests).toHaveLength(0);
  });

  it("env create posts the file's settings", async () => {
    const file = path.join(dir, "ok.json");
    fs.writeFileSync(file, '{"name":"demo","region":"eu-central"}');
    const { io, stdout, requests } = fakeIo({
      handler: () =>
        jsonResponse(201, { name: "demo", status: "queued", region: { id: "eu-central", name: "Frankfurt" } }),
    });
    expect(await runCli(["env", "create", "-f", file], io)).toBe(0);
    expect(requests[0]).toMatchObject({ method: "POST", body: '{"name":"demo","region":"eu-central"}' });
    expect(stdout()).toMatch(/^Created demo \(queued\) in Frankfurt\./);
  });

  it("env status --watch prints a line per change off a terminal, with the time elapsed and left, and exits 0 when running", async () => {
    // The second answer differs only by the clock: no line for it.
    const later = status("installing", {
      progress: { done: 1, total: 4, percent: 25, elapsedSeconds: 13, remainingSeconds: 62 },
    });
    const answers = [status("installing"), later, status("running")];
    const { io, stdout, sleeps } = fakeIo({ handler: () => jsonResponse(200, answers.shift()) });
    expect(await runCli(["env", "status", "demo", "--watch"], io)).toBe(0);
    expect(stdout()).toBe(
      "[####------------] 25% 1/4 steps · 12 s elapsed · about 1 min 3 s left · Join worker cp-1\n[################] 100% 4/4 steps · 1 min 15 s elapsed · running\ndemo is running.\n",
    );
    expect(sleeps).toEqual([1000, 1000]);
  });

  it("env status says why a step waits and what to do: once per reason on stderr while watching, as a row without --watch", async () => {
    const wait = {
      step: "Issue certificate",
      message:
        "app.example.com does not resolve to this cluster (it does not resolve). Create an A record app.example.com → 198.18.0.7, then it is issued automatically.",
      fixableBy: "user",
      action: "Create the DNS record.",
      nextAttemptAt: "2026-12-07T10:00:00.000Z",
    };
    const waiting = (elapsedSeconds: number) =>
      status("updating", {
        waiting: [wait],
        progress: { done: 1, total: 4, percent: 25, elapsedSeconds, remainingSeconds: null },
      });
    const answers = [waiting(10), waiting(20), status("running")];
    const watched = fakeIo({ handler: () => jsonResponse(200, answers.shift()) });
    expect(await runCli(["env", "status", "demo", "--watch"], watched.io)).toBe(0);
    expect(watched.stderr()).toBe(`Waiting for you · Issue certificate: ${wait.message} Create the DNS record.\n`);
    expect(watched.stdout()).not.toContain("does not resolve");

    const once = fakeIo({ handler: () => jsonResponse(200, waiting(10)) });
    expect(await runCli(["env", "status", "demo"], once.io)).toBe(0);
    expect(once.stdout()).toMatch(/^Waiting +Waiting for you · Issue certificate: app\.example\.com does not resolve/m);
  });

  it("env status --watch redraws in place on a terminal", async () => {
    const answers = [status("installing"), status("running")];
    const { io, stdout } = fakeIo({ stdoutTty: true, handler: () => jsonResponse(200, answers.shift()) });
    expect(await runCli(["env", "status", "demo", "--watch"], io)).toBe(0);
    // Cut to the terminal's 80 columns, less one, so that it never wraps.
    const first = "[####------------] 25% 1/4 steps · 12 s elapsed · about 1 min 3 s left · Join worker cp-1".slice(
      0,
      79,
    );
    expect(stdout()).toBe(
      `\r\x1b[2K${first}\r\x1b[2K[################] 100% 4/4 steps · 1 min 15 s elapsed · running\ndemo is running.\n`,
    );
  });

  it("env status --watch exits 1 when the install fails, saying what failed and who can fix it", async () => {
    const error = {
      step: "Join worker cp-1",
      message: "The worker never joined.",
      fixableBy: "platform",
      action: "Press Retry; if it fails again, contact support.",
    };
    const failed = status("failed", {
      operation: {
        id: "op",
        type: "install",
        status: "failed",
        summary: null,
        startedAt: null,
        finishedAt: null,
        error,
      },
    });
    const { io, stderr } = fakeIo({ handler: () => jsonResponse(200, failed) });
    expect(await runCli(["env", "status", "demo", "--watch"], io)).toBe(1);
    expect(stderr()).toBe(
      'error: The install of demo failed at step "Join worker cp-1": The worker never joined.\n  This is on Clusterport\'s side (the platform team fixes it): Press Retry; if it fails again, contact support.\n',
    );
  });

  it("env status --watch exits 1 for a change that failed, though the cluster stays running", async () => {
    const error = {
      step: "Install Grafana",
      message: "The chart failed.",
      fixableBy: "user",
      action: "Retry the change.",
    };
    const answer = status("running", {
      operation: {
        id: "op",
        type: "addons",
        status: "failed",
        summary: null,
        startedAt: null,
        finishedAt: null,
        error,
      },
    });
    const { io, stderr } = fakeIo({ handler: () => jsonResponse(200, answer) });
    expect(await runCli(["env", "status", "demo", "--watch"], io)).toBe(1);
    expect(stderr()).toMatch(
      /^error: The addons of demo failed at step "Install Grafana": The chart failed\.\n {2}You can fix this: Retry the change\.\n$/,
    );
  });

  it("env status --watch --json prints each changed status as a line of JSON, nothing else", async () => {
    const answers = [status("installing"), status("running")];
    const { io, stdout } = fakeIo({ handler: () => jsonResponse(200, answers.shift()) });
    expect(await runCli(["--json", "env", "status", "demo", "--watch"], io)).toBe(0);
    expect(
      stdout()
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l).status),
    ).toEqual(["installing", "running"]);
  });

  it("env logs follows lastCursor every second until the environment settles", async () => {
    const statuses = ["installing", "running"];
    const line = (seq: number) => ({
      seq,
      at: `2026-01-10T12:00:0${seq}.000Z`,
      level: "info",
      step: seq === 1 ? null : "join-worker",
      node: seq === 1 ? null : "cp-1",
      message: `line ${seq}`,
    });
    const { io, stdout, requests, sleeps } = fakeIo({
      handler: (url) => {
        if (url.pathname.endsWith("/status")) return jsonResponse(200, status(statuses.shift() ?? "running"));
        const cursor = url.searchParams.get("cursor");
        if (cursor === null) return jsonResponse(200, { items: [line(1)], nextCursor: "c1", lastCursor: "c1" });
        // Line 2 is written while the command waits between rounds.
        if (sleeps.length === 0) return jsonResponse(200, { items: [], nextCursor: null, lastCursor: "c1" });
        return jsonResponse(200, { items: [line(2)], nextCursor: null, lastCursor: "c2" });
      },
    });
    expect(await runCli(["env", "logs", "demo", "--follow"], io)).toBe(0);
    expect(stdout()).toBe(
      "2026-01-10T12:00:01.000Z info  - - line 1\n2026-01-10T12:00:02.000Z info  cp-1 join-worker line 2\n",
    );
    expect(requests.map((r) => `${r.url.pathname.split("/").pop()}${r.url.search}`)).toEqual([
      "status",
      "logs",
      "logs?cursor=c1",
      "status",
      "logs?cursor=c1",
    ]);
    expect(sleeps).toEqual([1000]);
  });

  it("env kubeconfig prints the YAML only on stdout", async () => {
    const yaml =
      "apiVersion: v1\nkind: Config\nclusters:\n  - name: demo\n    cluster:\n      server: http://app.test/k8s/clusters/abc\n";
    const { io, stdout, stderr } = fakeIo({
      handler: () => new Response(yaml, { headers: { "content-type": "application/yaml" } }),
    });
    expect(await runCli(["env", "kubeconfig", "demo"], io)).toBe(0);
    expect(stdout()).toBe(yaml);
    expect(stderr()).toBe("");
  });

  it("env delete refuses without --yes when stdin is not a terminal, before any request (exit 2)", async () => {
    const { io, stderr, requests } = fakeIo();
    expect(await runCli(["env", "delete", "demo"], io)).toBe(2);
    expect(stderr()).toMatch(/Not deleting demo without --yes/);
    expect(requests).toHaveLength(0);
  });

  it("env delete asks on a terminal, and deletes on yes", async () => {
    const { io, stdin, stderr, requests } = fakeIo({
      stdinTty: true,
      handler: () => jsonResponse(202, { operationId: "op" }),
    });
    stdin.write("y\n");
    expect(await runCli(["env", "delete", "demo"], io)).toBe(0);
    expect(stderr()).toBe("Delete demo and tear its cluster down? [y/N] ");
    expect(requests[0]).toMatchObject({ method: "DELETE" });
    const no = fakeIo({ stdinTty: true });
    no.stdin.write("\n");
    expect(await runCli(["env", "delete", "demo"], no.io)).toBe(1);
  });

  it("env delete of no such environment exits 4", async () => {
    const { io, stderr } = fakeIo({ handler: () => problemResponse(404, 'There is no environment "nope".') });
    expect(await runCli(["env", "delete", "nope", "--yes"], io)).toBe(4);
    expect(stderr()).toBe('error: There is no environment "nope".\n');
  });

  it.each([
    ["enable", "monitoring", "/changes/addons", { monitoring: true }],
    ["enable", "remote-api", "/changes/addons", { remoteApi: true }],
    ["disable", "tracing", "/changes/remove-addon", { addon: "tracing" }],
    ["disable", "remote-api", "/changes/remote-api", { enabled: false }],
  ])("addon %s %s posts %s", async (action, addon, change, body) => {
    const { io, requests, stdout } = fakeIo({
      handler: () => jsonResponse(202, { operationId: "op", summary: "activates Monitoring", diff: {} }),
    });
    expect(await runCli(["addon", action, "demo", addon], io)).toBe(0);
    expect(requests[0]?.url.pathname).toBe(`/api/v1/environments/demo${change}`);
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual(body);
    expect(stdout()).toBe(
      "Change started on demo: activates Monitoring. Follow it with: clusterport env status demo --watch\n",
    );
  });
});
