import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * Hostile input over every route: a fixed seed generates a few hundred bodies, paths, query strings and
 * headers, and no answer may be a 5xx. Routes are read from app/ itself, so a new route is fuzzed (or this
 * test fails asking for a sample of its parameter) without anyone remembering to add it.
 */

type Request = { method: string; path: string; body?: string | Uint8Array<ArrayBuffer>; contentType?: string; headers?: Record<string, string>; session?: boolean };

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
  custom: { kind: "manifests", manifests: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n", repositoryUrl: "", chart: "", chartVersion: "", values: "" },
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
  `{"a":${"{\"a\":".repeat(3000)}1${"}".repeat(3000)}}`,
  new Uint8Array([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
  "",
  '{"__proto__":{"isAdmin":true}}',
];

function bodyFor(base?: Record<string, unknown>): { body?: string | Uint8Array<ArrayBuffer>; contentType?: string } {
  const r = rng();
  if (r < 0.1) return { body: pick(rawBodies), contentType: "application/json" };
  if (r < 0.15) return { body: "plan=business&x=%ff", contentType: pick(["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"]) };
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

/** Every route and page in app/, as URL patterns: `/api/environments/[name]/logs`, `/marketplace/[appId]/install`. */
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
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const envName = `fuzz-${Date.now().toString(36)}`;
  const created = await fetch(`${baseURL}/api/environments`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ name: envName, region: "eu-central" }),
  });
  expect(created.status).toBe(201);

  const samples: Record<string, string[]> = {
    "[name]": [envName, "no-such-env", ...hostileSegments],
    "[appId]": ["kubernetes-cluster", "no-such-app", ...hostileSegments],
    "[...all]": betterAuthEndpoints,
    "[...path]": [
      "environments",
      `environments/${envName}`,
      `environments/${envName}/status`,
      `environments/${envName}/logs`,
      `environments/${envName}/changes/scale-workers`,
      `environments/${envName}/changes/autoscaling/preview`,
      "plan",
      "tokens",
      "tokens/00000000-0000-4000-8000-000000000000",
      "audit",
      "audit/export",
      "account",
      "account/plan",
      "openapi.json",
      ...hostileSegments,
    ],
    "[id]": ["00000000-0000-4000-8000-000000000000", "not-a-cluster", ...hostileSegments],
    "[[...path]]": ["api/v1/nodes", "apis", "version", "api/v1/namespaces/default/pods/x", "apis/apps/v1/deployments", "api/v1/pods?labelSelector=(", ...hostileSegments],
    "[action]": [
      "scale-workers",
      "upgrade",
      "add-storage",
      "addons",
      "remove-addon",
      "remote-api",
      "certificate",
      "remove-certificate",
      "registry-credentials",
      "remove-registry-credentials",
      "autoscaling",
      "no-such-change",
      ...hostileSegments,
    ],
  };
  // One body for every change: each action's strict schema refuses the others' keys, in words.
  const changeBody = { workers: 2, remove: ["cp-1"], version: "1.37.1", addon: "tracing", enabled: false, domain: "app.example.com", registry: "ghcr.io", username: "u", password: "p" };
  const bases: Record<string, Record<string, unknown>> = {
    "/api/environments": validInstall,
    "/api/environments/[name]/addons": { monitoring: true, tracing: false, remoteApi: true },
    "/api/environments/[name]/faults": { transientFailureRate: 0.1, named: ["worker-never-joins"] },
    "/api/environments/[name]/changes/[action]": changeBody,
    "/api/environments/[name]/changes/[action]/preview": changeBody,
    "/api/account/plan": { plan: "business" },
    "/api/auth/[...all]": { email, password: "wrong-password", name: "Fuzz", image: "https://example.com/a.png" },
  };

  const requests: Request[] = [];
  for (const route of appRoutes()) {
    const params = route.pattern.match(segmentParam) ?? [];
    for (const param of params) {
      if (!samples[param]) throw new Error(`The fuzz test has no sample values for ${param} in ${route.pattern}; add them to samples.`);
    }
    const concrete = () => route.pattern.replace(segmentParam, (p) => pick(samples[p]!));
    const rounds = route.api ? 24 : 10;
    for (let i = 0; i < rounds; i++) {
      const method = route.api ? pick(methods) : "GET";
      const query = rng() < 0.5 ? pick(hostileQueries) : "";
      const request: Request = { method, path: concrete() + query, session: rng() < 0.85 };
      if (method !== "GET" && method !== "DELETE") Object.assign(request, bodyFor(bases[route.pattern]));
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
      const response = await fetch(`${baseURL}${r.path}`, { method: r.method, headers, body: r.body, redirect: "manual", signal: controller.signal });
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
