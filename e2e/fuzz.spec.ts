import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { parse as parseYaml, stringify as yamlText } from "yaml";
import { pbEnvelope, pbField, pbText, varint } from "../lib/kube-api/testing/protobuf-wire";
import { installViaApi, signUpViaApi, waitForStatus } from "./support";

/**
 * Hostile input over every route: a fixed seed generates a few hundred bodies, paths, query strings and
 * headers, and no answer may be a 5xx. Routes are read from app/ itself, so a new route is fuzzed (or this
 * test fails asking for a sample of its parameter) without anyone remembering to add it.
 */

type Request = {
  method: string;
  path: string;
  body?: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
  headers?: Record<string, string>;
  session?: boolean;
};

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rng = mulberry32(20261125);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

const hostileStrings = [
  "",
  " ",
  "\u0000",
  "\ud800",
  "a\udc00b",
  "\u202Egnp.exe",
  "\u001b[2J",
  "line\nbreak\r\n",
  "x".repeat(70_000),
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "../../../../etc/passwd",
  "%ff%E0%A4%A",
  "${jndi:ldap://x}",
  "' OR 1=1 --",
  "javascript:alert(1)",
  "demo@clusterport.dev",
  "production",
  "eu-central",
  "true",
  "NaN",
  "🚀".repeat(100),
  "__proto__",
];
const hostileKeys = [
  "__proto__",
  "constructor",
  "prototype",
  "name",
  "region",
  "topology",
  "workers",
  "version",
  "addons",
  "custom",
  "faults",
  "plan",
  "monitoring",
  "tracing",
  "remoteApi",
  "named",
  "transientFailureRate",
  "email",
  "password",
  "image",
  "kind",
  "manifests",
  "values",
];

function hostileValue(depth = 0): unknown {
  const r = rng();
  if (r < 0.35) return pick(hostileStrings);
  if (r < 0.5) return pick([0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.5, 1.5, 999_999_999, -0]);
  if (r < 0.6) return pick([null, true, false]);
  if (depth > 3) return pick(hostileStrings);
  if (r < 0.75) return Array.from({ length: Math.floor(rng() * 4) }, () => hostileValue(depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = Math.floor(rng() * 5); i > 0; i--) out[pick(hostileKeys)] = hostileValue(depth + 1);
  return out;
}

const validInstall = {
  name: "fuzzed",
  region: "eu-central",
  topology: "development",
  deployment: "custom",
  custom: {
    kind: "manifests",
    manifests: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
    repositoryUrl: "",
    chart: "",
    chartVersion: "",
    values: "",
  },
  addons: { monitoring: false, tracing: false, remoteApi: false },
};
const yamlBombs = [
  `a: &a ["x","x","x","x","x","x","x","x","x"]\n${["b", "c", "d", "e", "f"].map((c, i) => `${c}: &${c} [${Array(9).fill(`*${"abcde"[i]}`).join(",")}]`).join("\n")}\n`,
  `a: ${"[".repeat(20_000)}`,
  Array.from({ length: 300 }, (_, i) => `${" ".repeat(i)}k:`).join("\n"),
  "\u0000\u0001",
  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: !!binary AAAA}\n",
];

/** A body near a real one with one field made hostile: reaches the validation that random noise would not. */
function mutatedBody(base: Record<string, unknown>): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const key = pick(Object.keys(copy));
  if (key === "custom" && rng() < 0.6) {
    (copy.custom as Record<string, unknown>)[pick(["manifests", "values"])] = pick(yamlBombs);
    (copy.custom as Record<string, unknown>).kind = pick(["manifests", "helm"]);
  } else {
    copy[key] = hostileValue();
  }
  return copy;
}

const rawBodies: (string | Uint8Array<ArrayBuffer>)[] = [
  "{",
  "null",
  "[]",
  '"just a string"',
  "1e999",
  `${"[".repeat(5000)}${"]".repeat(5000)}`,
  `{"a":${'{"a":'.repeat(3000)}1${"}".repeat(3000)}}`,
  new Uint8Array([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
  "",
  '{"__proto__":{"isAdmin":true}}',
];

function bodyFor(base?: Record<string, unknown>): { body?: string | Uint8Array<ArrayBuffer>; contentType?: string } {
  const r = rng();
  if (r < 0.1) return { body: pick(rawBodies), contentType: "application/json" };
  if (r < 0.15)
    return {
      body: "plan=business&x=%ff",
      contentType: pick(["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"]),
    };
  if (r < 0.2) return {};
  if (base && r < 0.7) return { body: JSON.stringify(mutatedBody(base)), contentType: "application/json" };
  return { body: JSON.stringify(hostileValue()), contentType: "application/json" };
}

const hostileSegments = [
  "%ff",
  "%E0%A4%A",
  "%",
  "%00",
  "%ED%A0%80",
  "..%2F..%2Fetc%2Fpasswd",
  "x".repeat(3000),
  "%F0%9F%9A%80",
  "a%0d%0aSet-Cookie:%20x=y",
  "__proto__",
  "constructor",
  "NOT-lowercase",
];
const hostileQueries = [
  "?next=//evil.example&next=/x",
  "?next=/%09/evil.example/",
  "?after=-1",
  "?after=1e400",
  "?after=abc&after=2",
  "?format=xml",
  "?format=text&format=json",
  "?region=&name=",
  "?region=eu-central&name=%ff",
  "?region[]=x&name[]=y",
  `?name=${"a".repeat(5000)}`,
  "?q=%ff&category=__proto__",
  "?%=%",
];

const betterAuthEndpoints = [
  "sign-in/email",
  "sign-up/email",
  "get-session",
  "update-user",
  "change-password",
  "change-email",
  "delete-user",
  "list-sessions",
  "revoke-session",
  "revoke-other-sessions",
  "request-password-reset",
  "reset-password",
  "verify-email",
  "send-verification-email",
  "list-accounts",
  "unlink-account",
  "account-info",
  "ok",
  "error",
  "not-an-endpoint",
];

/** Every route and page in app/, as URL patterns: `/api/environment-feed/[name]`, `/marketplace/[appId]/install`. */
function appRoutes(): { pattern: string; api: boolean }[] {
  const out: { pattern: string; api: boolean }[] = [];
  const visit = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        visit(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (entry.name === "route.ts" || entry.name === "page.tsx") {
        out.push({ pattern: `/${segments.join("/")}`, api: entry.name === "route.ts" });
      }
    }
  };
  visit(path.resolve(__dirname, "../app"), []);
  return out;
}

const methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

/** A dynamic segment of a route folder: `[name]`, `[...all]`, or the optional catch-all `[[...path]]`. */
const segmentParam = /\[\[[^\]]+\]\]|\[[^\]]+\]/g;

test("a few hundred hostile requests over every route: never a 5xx", async () => {
  test.setTimeout(180_000);
  const baseURL = test.info().project.use.baseURL!;
  const origin = new URL(baseURL).origin;

  // A signed-in account with one environment, so that routes reach their deepest checks.
  const email = `fuzz-${Date.now().toString(36)}@example.test`;
  const signUp = await fetch(`${baseURL}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ name: "Fuzz", email, password: "correct-horse-1" }),
  });
  expect(signUp.status).toBe(200);
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const envName = `fuzz-${Date.now().toString(36)}`;
  const created = await fetch(`${baseURL}/api/v1/environments`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ name: envName, region: "eu-central" }),
  });
  expect(created.status).toBe(201);

  // API v1 is one catch-all route: its operations' paths come from its OpenAPI document, so a new operation is
  // fuzzed without anyone adding it here, each with its path parameters filled from the samples below.
  type OpenApiOperation = { requestBody?: { content: Record<string, { example?: Record<string, unknown> }> } };
  const openApi = (await (await fetch(`${baseURL}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, OpenApiOperation>>;
  };
  const someId = ["00000000-0000-4000-8000-000000000000", "not-an-id", ...hostileSegments];
  const pathParams: Record<string, string[]> = {
    "{name}": [envName, envName, "no-such-env", ...hostileSegments],
    "{id}": someId,
    "{deliveryId}": someId,
  };
  const operationPaths = Object.keys(openApi.paths).map((p) => p.slice(1));
  expect(operationPaths).toContain("environments/{name}/changes/scale-workers");
  const v1Paths = [
    ...operationPaths,
    "environments/{name}/changes/no-such-change",
    "environments/{name}/changes/no-such-change/preview",
    "openapi.json",
    ...hostileSegments,
  ];

  const samples: Record<string, string[]> = {
    "[name]": [envName, "no-such-env", ...hostileSegments],
    "[appId]": ["kubernetes-cluster", "no-such-app", ...hostileSegments],
    "[...all]": betterAuthEndpoints,
    "[...path]": v1Paths,
    "[id]": ["00000000-0000-4000-8000-000000000000", "not-a-cluster", ...hostileSegments],
    "[[...path]]": [
      "api/v1/nodes",
      "apis",
      "version",
      "api/v1/namespaces/default/pods/x",
      "apis/apps/v1/deployments",
      "api/v1/pods?labelSelector=(",
      ...hostileSegments,
    ],
  };
  const fillParams = (path: string) => path.replace(/\{[A-Za-z]+\}/g, (p) => pick(pathParams[p] ?? someId));
  /**
   * A valid body to mutate, by the path it goes to (mutations of one reach deeper than random values): each
   * operation's example from the OpenAPI document, an install with manifests, and a sign-in for better-auth.
   */
  const bases: [RegExp, Record<string, unknown>][] = [
    [/^\/api\/v1\/environments$/, validInstall], // with manifests, to reach the YAML parser
    ...Object.entries(openApi.paths).flatMap(([template, byMethod]) =>
      Object.values(byMethod)
        .map((op) => op.requestBody?.content["application/json"]?.example)
        .filter((example) => example !== undefined)
        .slice(0, 1)
        .map((example): [RegExp, Record<string, unknown>] => [
          new RegExp(`^/api/v1${template.replace(/\{[A-Za-z]+\}/g, "[^/]+")}$`),
          example,
        ]),
    ),
    [/^\/api\/auth\//, { email, password: "wrong-password", name: "Fuzz", image: "https://example.com/a.png" }],
  ];
  expect(bases.length).toBeGreaterThan(10);
  const baseFor = (path: string) => bases.find(([pattern]) => pattern.test(path))?.[1];

  const requests: Request[] = [];
  for (const route of appRoutes()) {
    const params = route.pattern.match(segmentParam) ?? [];
    for (const param of params) {
      if (!samples[param])
        throw new Error(`The fuzz test has no sample values for ${param} in ${route.pattern}; add them to samples.`);
    }
    const concrete = () => fillParams(route.pattern.replace(segmentParam, (p) => pick(samples[p]!)));
    // The API's catch-all stands for every operation: about three requests each.
    const rounds = route.pattern === "/api/v1/[...path]" ? v1Paths.length * 3 : route.api ? 24 : 10;
    for (let i = 0; i < rounds; i++) {
      const method = route.api ? pick(methods) : "GET";
      const query = rng() < 0.5 ? pick(hostileQueries) : "";
      const target = concrete();
      const request: Request = { method, path: target + query, session: rng() < 0.85 };
      if (method !== "GET" && method !== "DELETE") Object.assign(request, bodyFor(baseFor(target)));
      const h: Record<string, string> = {};
      if (rng() < 0.2) h["idempotency-key"] = pick(["short", "x".repeat(500), "ok-key-123456", "ü-not-ascii-key"]);
      if (rng() < 0.15) h["last-event-id"] = pick(["-1", "abc", "9".repeat(400), "1e9"]);
      if (rng() < 0.1) h["x-forwarded-for"] = pick(["not-an-ip", "999.1.1.1", "::ffff:1.2.3.4, evil"]);
      if (rng() < 0.1) h.origin = pick(["https://evil.example", "null", origin]);
      request.headers = h;
      requests.push(request);
    }
  }
  // Server actions: the app has none, so an action id from anywhere must be refused in words, not crash.
  for (const route of appRoutes().filter((r) => !r.api)) {
    const concrete = route.pattern.replace(segmentParam, (p) => pick(samples[p]!));
    requests.push({
      method: "POST",
      path: concrete,
      session: true,
      headers: { "next-action": pick(["7f" + "0".repeat(40), "x", "%ff"]) },
      ...bodyFor(),
    });
  }
  // Destructive calls on the real environment last, so earlier ones find it alive.
  requests.sort((a, b) => Number(a.method === "DELETE") - Number(b.method === "DELETE"));
  expect(requests.length).toBeGreaterThan(300);

  const failures: string[] = [];
  for (const r of requests) {
    // Its own network (TEST-NET-1, trusted as the e2e server trusts one proxy), so that its failed sign-ins
    // never slow down the other journeys.
    const headers: Record<string, string> = { "x-forwarded-for": "192.0.2.66", ...(r.headers ?? {}) };
    if (r.session) headers.cookie = cookie;
    if (r.contentType) headers["content-type"] = r.contentType;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 10_000);
    try {
      const response = await fetch(`${baseURL}${r.path}`, {
        method: r.method,
        headers,
        body: r.body,
        redirect: "manual",
        signal: controller.signal,
      });
      // Event streams never end: the status is all this test needs.
      await response.body?.cancel();
      if (response.status >= 500) {
        const body = typeof r.body === "string" ? r.body.slice(0, 120) : r.body ? "<bytes>" : "";
        failures.push(`${response.status} ${r.method} ${r.path.slice(0, 120)} ${body}`);
      }
    } catch (e) {
      failures.push(`no answer: ${r.method} ${r.path.slice(0, 120)} (${(e as Error).message})`);
    } finally {
      clearTimeout(timer);
    }
  }
  expect(failures).toEqual([]);
});

/** One request to a cluster's API at the kubeconfig's server, verified with its authority when it carries one. */
function clusterRequest(
  server: { url: string; token: string; ca?: Buffer },
  method: string,
  path: string,
  body: string | Uint8Array,
  contentType: string,
): Promise<number> {
  const url = new URL(`${server.url}${path}`);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method,
        headers: {
          authorization: `Bearer ${server.token}`,
          "content-type": contentType,
          "content-length": Buffer.byteLength(body),
        },
        ...(server.ca ? { ca: server.ca } : {}),
        timeout: 20_000,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("timeout", () => req.destroy(new Error("no answer in 20 s")));
    req.on("error", reject);
    req.end(body);
  });
}

test("the cluster API's write verbs with hostile and random YAML, JSON patch, strategic merge and protobuf bodies: never a 5xx, the server stays healthy", async ({
  request,
}) => {
  test.setTimeout(240_000);
  await signUpViaApi(request);
  const name = `fuzzk-${Date.now().toString(36)}`;
  expect(
    (
      await installViaApi(request, {
        name,
        region: "eu-central",
        addons: { monitoring: false, tracing: false, remoteApi: true },
      })
    ).status(),
  ).toBe(201);
  await waitForStatus(request, name, "running", 60_000);
  const config = parseYaml(await (await request.get(`/api/v1/environments/${name}/kubeconfig`)).text()) as {
    clusters: { cluster: { server: string; "certificate-authority-data"?: string } }[];
    users: { user: { token: string } }[];
  };
  const ca = config.clusters[0]!.cluster["certificate-authority-data"];
  const server = {
    url: config.clusters[0]!.cluster.server,
    token: config.users[0]!.user.token,
    ...(ca ? { ca: Buffer.from(ca, "base64") } : {}),
  };

  const ns = "/api/v1/namespaces/default";
  const apps = "/apis/apps/v1/namespaces/default";
  const configMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "fz" }, data: { a: "1" } };
  const deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "fz", labels: { app: "fz" } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: "fz" } },
      template: { metadata: { labels: { app: "fz" } }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } },
    },
  };
  expect(await clusterRequest(server, "POST", `${ns}/configmaps`, JSON.stringify(configMap), "application/json")).toBe(
    201,
  );
  expect(
    await clusterRequest(server, "POST", `${apps}/deployments`, JSON.stringify(deployment), "application/json"),
  ).toBe(201);

  const yaml = "application/yaml";
  const merge = "application/merge-patch+json";
  const strategic = "application/strategic-merge-patch+json";
  const jsonPatch = "application/json-patch+json";
  const protobuf = "application/vnd.kubernetes.protobuf";
  const objectTargets = [
    ["POST", `${ns}/configmaps`],
    ["PUT", `${ns}/configmaps/fz`],
    ["POST", `${apps}/deployments`],
    ["PUT", `${apps}/deployments/fz`],
    ["PUT", `${apps}/deployments/fz/scale`],
  ] as const;
  const patchTargets = [`${ns}/configmaps/fz`, `${apps}/deployments/fz`, `${apps}/deployments/fz/scale`];
  const latin1 = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
  const chain = (levels: number): unknown => (levels === 0 ? {} : { x: chain(levels - 1) });

  // The bodies that broke or stalled the server before its parsers were bounded, on every verb they apply to.
  const hostileObjects: [string | Uint8Array, string][] = [
    ["[".repeat(100_000), yaml],
    ["- ".repeat(100_000) + "x", yaml],
    [`[${"1,".repeat(1_400_000)}1]`, yaml],
    [
      [
        "a: &a [x, x, x, x, x, x, x, x, x]",
        ..."bcdefgh".split("").map((n, i) => `${n}: &${n} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]`),
      ].join("\n"),
      yaml,
    ],
    ["[".repeat(1_000_000), "application/json"],
    [`[${Array(1_000_000).fill("{}").join(",")}]`, "application/json"],
    [latin1('{"\xc3\x28":1}'), "application/json"],
    ['{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"fz"},"data":{"a":"\\ud800"}}', "application/json"],
    [pbEnvelope("v1", "ConfigMap", [...Array(100_000).fill(0x7b), ...Array(100_000).fill(0x7c)]), protobuf],
    [pbEnvelope("v1", "ConfigMap", [0x0a, ...varint(0x7ffffff0)]), protobuf],
    [
      pbEnvelope("v1", "ConfigMap", [
        ...pbField(1, pbField(1, pbText("fz"))),
        ...pbField(2, [...pbField(1, pbText("a")), ...pbField(2, [0xed, 0xa0, 0x80])]),
      ]),
      protobuf,
    ],
  ];
  const hostilePatches: [string | Uint8Array, string][] = [
    ["[".repeat(1_000_000), merge],
    [`{"data":${'{"a":'.repeat(50_000)}null${"}".repeat(50_000)}}`, strategic],
    [`[${Array(1_000_000).fill("{}").join(",")}]`, jsonPatch],
    [JSON.stringify([{ op: "add", path: "/a".repeat(100_000), value: 1 }]), jsonPatch],
    [
      JSON.stringify([
        { op: "add", path: "/x", value: chain(30) },
        ...[30, 60].map((d) => ({ op: "copy", from: "/x", path: "/x".repeat(d + 1) })),
      ]),
      jsonPatch,
    ],
    [
      JSON.stringify([
        { op: "add", path: "/x", value: Array(200_000).fill(1) },
        ...Array.from({ length: 9_999 }, () => ({ op: "add", path: "/x/0", value: 1 })),
      ]),
      jsonPatch,
    ],
    [latin1('{"\xc3\x28":1}'), strategic],
    ['{"data":{"\\udc00":"x"}}', merge],
  ];

  // Random bodies from the seed: hostile values as JSON and YAML, random JSON patches and strategic merge
  // patches with directives, and protobuf bytes mutated from a body kubectl sent.
  const kubectlDeployment = [
    ...fs.readFileSync(path.resolve(__dirname, "../lib/kube-api/protobuf/fixtures/kubectl-deployment.pb")),
  ];
  const pointers = [
    "",
    "/",
    "/data",
    "/data/a",
    "/spec/replicas",
    "/spec/template/spec/containers/0",
    "/spec/template/spec/containers/-",
    "/metadata/labels/~1x",
    "/x/-1",
    "/__proto__/x",
  ];
  const directives = [
    "$patch",
    "$retainKeys",
    "$setElementOrder/containers",
    "$deleteFromPrimitiveList/args",
    "containers",
    "spec",
    "template",
    "name",
    "data",
  ];
  const randomObject = (): [string | Uint8Array, string] => {
    const r = rng();
    const value =
      rng() < 0.5 ? { ...(pick([configMap, deployment]) as object), ...(hostileValue() as object) } : hostileValue();
    if (r < 0.35) return [JSON.stringify(value) ?? "null", "application/json"];
    if (r < 0.7) return [yamlText(value, { aliasDuplicateObjects: false }), yaml];
    const bytes = [...kubectlDeployment];
    for (let i = Math.floor(rng() * 6) + 1; i > 0; i--)
      bytes[Math.floor(rng() * bytes.length)] = Math.floor(rng() * 256);
    return [new Uint8Array(rng() < 0.2 ? bytes.slice(0, Math.floor(rng() * bytes.length)) : bytes), protobuf];
  };
  const randomPatch = (): [string, string] => {
    const r = rng();
    if (r < 0.4) {
      const ops = Array.from({ length: Math.floor(rng() * 6) }, () => ({
        op: pick(["add", "remove", "replace", "move", "copy", "test", "nope"]),
        path: pick(pointers),
        from: pick(pointers),
        value: hostileValue(),
      }));
      return [JSON.stringify(ops), jsonPatch];
    }
    const patch: Record<string, unknown> = {};
    for (let i = Math.floor(rng() * 4) + 1; i > 0; i--)
      patch[pick(directives)] =
        rng() < 0.5 ? hostileValue() : { [pick(directives)]: [{ name: "web", [pick(directives)]: hostileValue() }] };
    return [JSON.stringify(patch), r < 0.7 ? strategic : merge];
  };

  const sends: [string, string, string | Uint8Array, string][] = [];
  for (const [body, type] of hostileObjects)
    for (const [method, p] of objectTargets) sends.push([method, p, body, type]);
  for (const [body, type] of hostilePatches) for (const p of patchTargets) sends.push(["PATCH", p, body, type]);
  for (let i = 0; i < 150; i++) {
    const [method, p] = pick(objectTargets);
    sends.push([method, p, ...randomObject()]);
    sends.push(["PATCH", pick(patchTargets), ...randomPatch()]);
  }

  const failures: string[] = [];
  for (const [i, [method, p, body, type]] of sends.entries()) {
    const status = await clusterRequest(server, method, p, body, type).catch((e: Error) => `no answer (${e.message})`);
    if (typeof status !== "number" || status >= 500) {
      failures.push(
        `${status} ${method} ${p} ${type} ${typeof body === "string" ? body.slice(0, 80) : `<${body.length} bytes>`}`,
      );
    }
    // The server stays healthy beside them: /api/health answers, promptly, after every hostile body and every 25 others.
    if (
      i < hostileObjects.length * objectTargets.length + hostilePatches.length * patchTargets.length ||
      i % 25 === 0
    ) {
      const started = Date.now();
      const health = await request.get("/api/health", { timeout: 10_000 });
      if (health.status() !== 200)
        failures.push(`/api/health answered ${health.status()} after ${method} ${p} ${type}`);
      if (Date.now() - started > 5_000)
        failures.push(`/api/health took ${Date.now() - started} ms after ${method} ${p} ${type}`);
    }
  }
  expect(failures).toEqual([]);
  // The objects the fuzz aimed at are still served.
  expect(await clusterRequest(server, "GET", `${apps}/deployments/fz`, "", "application/json")).toBe(200);
});
