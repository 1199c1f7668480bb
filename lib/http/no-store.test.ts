import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { operations } from "@/lib/api-v1/operations";
import { proxy } from "@/proxy";

/**
 * Every route of the app that answers data (app/**\/route.ts: the pages' JSON routes, sign-in, event streams,
 * downloads, API v1 and the clusters' Kubernetes API) is walked from the files themselves, so a route added
 * later is covered too, and each of its methods is asked for through proxy.ts: each answer says no-store.
 */
const appDir = path.join(process.cwd(), "app");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** How a script fills each dynamic segment of the app's routes. */
const filled: Record<string, string> = {
  "[...all]": "get-session",
  "[...path]": "environments",
  "[[...path]]": "api/v1/nodes",
  "[id]": "c-1",
  "[name]": "demo",
  "[action]": "scale-workers",
};

/** The URL path a route file answers. */
function urlPath(file: string): string {
  const segments = path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.map((s) => (s.startsWith("[") ? (filled[s] ?? "x") : s)).join("/")}`;
}

function methods(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  return [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
    (m) => m[1]!,
  );
}

function cacheControl(method: string, url: string, headers: Record<string, string> = {}): string | null {
  return proxy(new NextRequest(new URL(url, "http://clusterport.test"), { method, headers })).headers.get(
    "cache-control",
  );
}

describe("Cache-Control: no-store", () => {
  const routes = routeFiles(appDir).map((file) => ({
    file: path.relative(process.cwd(), file),
    path: urlPath(file),
    methods: methods(file),
  }));

  it("finds the routes to walk", () => {
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        "/api/environment-feed",
        "/api/environment-feed/demo",
        "/api/v1/environments",
        "/api/auth/get-session",
        "/k8s/clusters/c-1/api/v1/nodes",
      ]),
    );
    for (const route of routes) expect(route.methods.length, route.file).toBeGreaterThan(0);
  });

  it.each(routeFiles(appDir).map((file) => [path.relative(process.cwd(), file), file]))(
    "is sent by every method of %s",
    (_name, file) => {
      const stream = /^\/api\/environment-feed/.test(urlPath(file));
      for (const method of methods(file))
        expect(cacheControl(method, urlPath(file)), `${method} ${urlPath(file)}`).toBe(
          stream ? "no-store, no-transform" : "no-store",
        );
    },
  );

  it("is sent by every operation of API v1, by the clusters' API reads, watches and OpenAPI documents, and by malformed paths", () => {
    for (const op of operations) {
      const url = `/api/v1${op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === "name" ? "demo" : "00000000-0000-4000-8000-000000000000"))}`;
      expect(cacheControl(op.method, url), `${op.method} ${url}`).toBe("no-store");
    }
    for (const url of [
      "/k8s/clusters/c-1/api/v1/namespaces/default/pods?watch=true",
      "/k8s/clusters/c-1/openapi/v3/api/v1?hash=abc",
      "/k8s/clusters/c-1/version",
      "/api/v1/openapi.json",
      "/api/v1/environments/%ff",
    ]) {
      expect(cacheControl("GET", url), url).toBe("no-store");
    }
  });

  it("is sent by the event streams with no-transform, so no compression holds their events back", () => {
    for (const url of ["/api/environment-feed/demo", "/api/environment-feed"]) {
      expect(cacheControl("GET", url, { accept: "text/event-stream" }), url).toBe("no-store, no-transform");
      expect(cacheControl("GET", url), `${url} asked for without Accept`).toBe("no-store, no-transform");
    }
    expect(cacheControl("GET", "/api/v1/environments/demo/logs")).toBe("no-store");
  });

  it("leaves pages to Next.js, which renders each one fresh", () => {
    expect(cacheControl("GET", "/sign-in")).toBeNull();
  });
});
