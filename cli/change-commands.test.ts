import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";
import { fakeIo, jsonResponse, problemResponse } from "./testing/fake-io";

const totals = (nodes: number) => ({
  nodes,
  reservedCloudlets: nodes * 4,
  cloudletLimit: nodes * 16,
  ramMiB: nodes * 2048,
  cpuMHz: nodes * 1600,
  diskGb: nodes * 20,
});
const price = (monthly: number) => ({
  currency: "USD",
  hourly: monthly / 730,
  monthly,
  hourlyAtLimit: monthly / 365,
  monthlyAtLimit: monthly * 2,
});
const diff = {
  nodes: { added: [{ id: "cp-3", group: "Workers" }], removed: [], before: 3, after: 4 },
  resources: { before: totals(3), after: totals(4) },
  price: { before: price(30), after: price(40) },
  quota: {
    ok: true,
    verdicts: [
      {
        quota: "maxNodesPerEnvironment",
        label: "Nodes",
        limit: 6,
        required: 4,
        ok: true,
        message: "Nodes per environment: 4 of 6.",
      },
    ],
  },
  steps: [
    { key: "create-join-token", title: "Create a join token (kubeadm token create)", estimatedSeconds: 5 },
    { key: "join-worker:cp-3", title: "Join worker cp-3", estimatedSeconds: 70 },
  ],
  estimate: { criticalPathSeconds: 75, sequentialSeconds: 75 },
};
const accepted = { operationId: "op-1", summary: "scales workers 2 → 3, adding cp-3", diff };

const status = (s: string, opStatus: string) => ({
  name: "demo",
  status: s,
  operation: {
    id: "op-1",
    type: "scale-workers",
    status: opStatus,
    summary: "scales workers 2 → 3, adding cp-3",
    startedAt: null,
    finishedAt: null,
    error: null,
  },
  progress: {
    done: opStatus === "succeeded" ? 2 : 1,
    total: 2,
    percent: opStatus === "succeeded" ? 100 : 50,
    elapsedSeconds: 30,
    remainingSeconds: opStatus === "succeeded" ? null : 70,
  },
  running: opStatus === "succeeded" ? [] : ["Join worker cp-3"],
  endpoints: null,
});

/** Answers a change with 202, its preview with 200, and the status from `statuses` in turn. */
function changeServer(statuses: unknown[] = [], problems: string[] = []) {
  return fakeIo({
    handler: (url) => {
      if (url.pathname.endsWith("/status")) return jsonResponse(200, statuses.shift());
      if (url.pathname.endsWith("/preview")) return jsonResponse(200, { summary: accepted.summary, diff, problems });
      return jsonResponse(202, accepted);
    },
  });
}

const sent = (r: { url: URL; body: string | undefined }) => [
  r.url.pathname.replace("/api/v1/environments/demo", ""),
  r.body === undefined ? undefined : JSON.parse(r.body),
];

describe("change commands", () => {
  it.each([
    [["env", "scale", "demo", "--workers", "3"], "/changes/scale-workers", { workers: 3 }],
    [
      ["env", "scale", "demo", "--workers", "1", "--remove", "cp-2,cp-3", "--remove", "cp-4"],
      "/changes/scale-workers",
      { workers: 1, remove: ["cp-2", "cp-3", "cp-4"] },
    ],
    [["env", "upgrade", "demo", "--version", "v1.37.1"], "/changes/upgrade", { version: "1.37.1" }],
    [["env", "storage", "add", "demo"], "/changes/add-storage", {}],
    [
      ["env", "certificate", "set", "demo", "--domain", "app.example.com"],
      "/changes/certificate",
      { domain: "app.example.com" },
    ],
    [["env", "certificate", "remove", "demo"], "/changes/remove-certificate", {}],
    [["env", "registry", "remove", "demo"], "/changes/remove-registry-credentials", {}],
    [
      ["env", "autoscaling", "demo", "--on", "--min", "1", "--max", "4"],
      "/changes/autoscaling",
      { enabled: true, minWorkers: 1, maxWorkers: 4 },
    ],
    [["env", "autoscaling", "demo", "--off"], "/changes/autoscaling", { enabled: false }],
    [["addon", "enable", "demo", "tracing"], "/changes/addons", { tracing: true }],
  ])("%j posts %s with %j and an Idempotency-Key", async (argv, path, body) => {
    const { io, requests, stdout } = changeServer();
    expect(await runCli(argv, io)).toBe(0);
    expect(requests.map(sent)).toEqual([[path, body]]);
    expect(requests[0]?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(stdout()).toBe(
      "Change started on demo: scales workers 2 → 3, adding cp-3. Follow it with: clusterport env status demo --watch\n",
    );
  });

  it("sends the --idempotency-key given, so a script's repeat is answered rather than done twice", async () => {
    const { io, requests } = changeServer();
    expect(
      await runCli(["env", "scale", "demo", "--workers", "3", "--idempotency-key", "nightly-2026-01-10"], io),
    ).toBe(0);
    expect(requests[0]?.headers.get("idempotency-key")).toBe("nightly-2026-01-10");
    const bad = changeServer();
    expect(await runCli(["env", "scale", "demo", "--workers", "3", "--idempotency-key", "short"], bad.io)).toBe(2);
    expect(bad.stderr()).toMatch(/--idempotency-key must be 8–200 letters/);
    expect(bad.requests).toHaveLength(0);
  });

  it("--preview prints the plan diff and changes nothing", async () => {
    const { io, requests, stdout } = changeServer();
    expect(await runCli(["env", "scale", "demo", "--workers", "3", "--preview"], io)).toBe(0);
    expect(requests.map(sent)).toEqual([["/changes/scale-workers/preview", { workers: 3 }]]);
    expect(stdout()).toBe(
      [
        "Preview, nothing changed: the change on demo scales workers 2 → 3, adding cp-3.",
        "Nodes            3 → 4",
        "  adds           cp-3 (Workers)",
        "Memory           6 GiB → 8 GiB",
        "CPU              4.8 GHz → 6.4 GHz",
        "Disk             60 GB → 80 GB",
        "Price per month  $30.00 → $40.00",
        "Quota afterwards",
        "  ok   Nodes per environment: 4 of 6.",
        "Steps (2, about 1 min 15 s)",
        "  1. Create a join token (kubeadm token create) · ~5 s",
        "  2. Join worker cp-3 · ~1 min 10 s",
        "",
      ].join("\n"),
    );
  });

  it("--preview of a change that breaks a quota prints it and exits 2; --json prints the preview only", async () => {
    const { io, stderr } = changeServer([], ["Nodes per environment: your plan allows 6, this cluster needs 8."]);
    expect(await runCli(["env", "scale", "demo", "--workers", "7", "--preview"], io)).toBe(2);
    expect(stderr()).toBe(
      "error: This change is not possible on your plan:\n  Nodes per environment: your plan allows 6, this cluster needs 8.\n",
    );
    const json = changeServer();
    expect(await runCli(["env", "upgrade", "demo", "--version", "1.37.1", "--preview", "--json"], json.io)).toBe(0);
    expect(JSON.parse(json.stdout())).toEqual({ summary: accepted.summary, diff, problems: [] });
  });

  it("--watch follows the change to its end with the time elapsed and left; exit 0", async () => {
    const { io, stdout } = changeServer([status("updating", "running"), status("running", "succeeded")]);
    expect(await runCli(["env", "scale", "demo", "--workers", "3", "--watch"], io)).toBe(0);
    expect(stdout()).toBe(
      "Change started on demo: scales workers 2 → 3, adding cp-3.\n[########--------] 50% 1/2 steps · 30 s elapsed · about 1 min 10 s left · Join worker cp-3\n[################] 100% 2/2 steps · 30 s elapsed · running\ndemo is running.\n",
    );
  });

  it("--watch --json prints the answer, then each changed status, as JSON Lines; a failed change exits 1", async () => {
    const failed = {
      ...status("running", "failed"),
      operation: {
        ...status("running", "failed").operation,
        error: { step: "Join worker cp-3", message: "It never joined.", fixableBy: "platform", action: "Retry." },
      },
    };
    const { io, stdout, stderr } = changeServer([status("updating", "running"), failed]);
    expect(await runCli(["--json", "env", "autoscaling", "demo", "--off", "--watch"], io)).toBe(1);
    expect(
      stdout()
        .trimEnd()
        .split("\n")
        .map((l) => Object.keys(JSON.parse(l))[0]),
    ).toEqual(["operationId", "name", "name"]);
    expect(stderr()).toMatch(/^error: The scale-workers of demo failed at step "Join worker cp-3": It never joined\./);
  });

  it("--preview with --watch is a usage error", async () => {
    const { io, requests } = changeServer();
    expect(await runCli(["env", "storage", "add", "demo", "--preview", "--watch"], io)).toBe(2);
    expect(requests).toHaveLength(0);
  });

  it.each([
    [["env", "scale", "demo", "--workers", "three"], "workers: Enter the number of workers."],
    [["env", "scale", "demo", "--workers", "2.5"], "workers: Enter a whole number of workers."],
    [
      ["env", "scale", "demo", "--workers", "2", "--remove", "worker-2"],
      "remove.0: Name workers by their node id, e.g. cp-2.",
    ],
    [["env", "upgrade", "demo", "--version", "latest"], "version: Use a version like 1.37.1."],
    [["env", "certificate", "set", "demo", "--domain", "not a domain"], "domain: "],
    [
      ["env", "autoscaling", "demo", "--on", "--min", "4", "--max", "2"],
      "maxWorkers: Maximum workers must be at least Minimum workers.",
    ],
  ])("%j is refused locally with the server's message, nothing sent (exit 2)", async (argv, detail) => {
    const { io, stderr, requests } = changeServer();
    expect(await runCli(argv, io)).toBe(2);
    expect(stderr()).toContain(`error: The change is not valid; nothing was sent:\n  ${detail}`);
    expect(requests).toHaveLength(0);
  });

  it.each([
    [["env", "scale", "demo"], /required option '--workers <count>'/],
    [["env", "autoscaling", "demo"], /Give --on \(with --min and --max\) or --off\./],
    [["env", "autoscaling", "demo", "--on", "--off"], /Give --on \(with --min and --max\) or --off\./],
    [["env", "autoscaling", "demo", "--on", "--max", "3"], /--on needs the range/],
    [["env", "autoscaling", "demo", "--off", "--min", "1"], /--off takes no range/],
    [["env", "certificate", "set", "demo"], /required option '--domain <domain>'/],
    [["env", "storage", "remove", "demo"], /unknown command|too many arguments/],
  ])("%j is a usage error (exit 2), nothing sent", async (argv, message) => {
    const { io, stderr, requests } = changeServer();
    expect(await runCli(argv, io)).toBe(2);
    expect(stderr()).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it("exits with the server's refusal: 409 → 5 with its words, 404 → 4, a field error → 2", async () => {
    const busy = fakeIo({ handler: () => problemResponse(409, "Another operation runs on demo: wait for it to end.") });
    expect(await runCli(["env", "upgrade", "demo", "--version", "1.37.1"], busy.io)).toBe(5);
    expect(busy.stderr()).toBe("error: Another operation runs on demo: wait for it to end.\n");
    const missing = fakeIo({ handler: () => problemResponse(404, 'There is no environment "demo".') });
    expect(await runCli(["env", "storage", "add", "demo"], missing.io)).toBe(4);
    const version = fakeIo({
      handler: () =>
        problemResponse(400, "From v1.36.5 the cluster can go to v1.37.1.", [
          { field: "version", message: "From v1.36.5 the cluster can go to v1.37.1." },
        ]),
    });
    expect(await runCli(["env", "upgrade", "demo", "--version", "1.35.9"], version.io)).toBe(2);
    expect(version.stderr()).toContain("  version: From v1.36.5 the cluster can go to v1.37.1.\n");
  });
});

describe("env registry set", () => {
  const args = ["env", "registry", "set", "demo", "--registry", "ghcr.io", "--username", "ci"];

  it("reads the password from stdin with --password-stdin, less its final line break, and never prints it", async () => {
    const { io, stdin, requests, stdout, stderr } = changeServer();
    stdin.end("s3cret token\n");
    expect(await runCli([...args, "--password-stdin"], io)).toBe(0);
    expect(requests.map(sent)).toEqual([
      ["/changes/registry-credentials", { registry: "ghcr.io", username: "ci", password: "s3cret token" }],
    ]);
    expect(stdout() + stderr()).not.toContain("s3cret");
  });

  it("asks on a terminal in raw mode, so that the keys typed are not shown, and prints the prompt only", async () => {
    const { io, stdin, requests, stdout, stderr } = fakeIo({
      stdinTty: true,
      handler: () => jsonResponse(202, accepted),
    });
    const modes: boolean[] = [];
    Object.assign(stdin, { setRawMode: (mode: boolean) => void modes.push(mode) });
    stdin.write("hunter22\r");
    expect(await runCli([...args, "--email", "ci@example.com"], io)).toBe(0);
    expect(modes).toEqual([true, false]);
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual({
      registry: "ghcr.io",
      username: "ci",
      password: "hunter22",
      email: "ci@example.com",
    });
    expect(stderr()).toBe("Password or access token for ci@ghcr.io: \n");
    expect(stdout()).not.toContain("hunter22");
  });

  it("without --password-stdin and no terminal, says how to give it (exit 2), nothing sent", async () => {
    const { io, stderr, requests } = changeServer();
    expect(await runCli(args, io)).toBe(2);
    expect(stderr()).toMatch(/^error: No password: pipe it with --password-stdin/);
    expect(requests).toHaveLength(0);
  });

  it("refuses an empty password or one with a line break inside, locally", async () => {
    const { io, stdin, stderr, requests } = changeServer();
    stdin.end("two\nlines\n");
    expect(await runCli([...args, "--password-stdin"], io)).toBe(2);
    expect(stderr()).toContain("password: A password has no control characters");
    expect(stderr()).not.toContain("two");
    expect(requests).toHaveLength(0);
  });

  it("has no --password option, so that no password lands in the shell's history", async () => {
    const { io, stderr } = changeServer();
    expect(await runCli([...args, "--password", "x"], io)).toBe(2);
    expect(stderr()).toMatch(/unknown option '--password'/);
  });
});
