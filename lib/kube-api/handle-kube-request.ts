import { createHash, timingSafeEqual } from "node:crypto";
import type { Pool } from "@/lib/db/pool";
import { findEnvironmentById, readSim, type EnvironmentRecord } from "@/lib/engine";
import { replicaSetName, type WorkloadSpec } from "@/lib/engine/sim";
import { isTerminal, isEnvironmentStatus } from "@/lib/environments/environment-status";
import { apiGroupList, apiResourceList, apiVersions } from "./discovery";
import type { KubeContext } from "./kube-context";
import type { KubeResource } from "./kube-resource";
import { KubeError, badRequest, forbidden, methodNotAllowed, notFound, unauthorized } from "./kube-status";
import { openApi } from "./openapi";
import { PodLog, podLogRequest, servePodLog } from "./pod-log";
import { parseResourcePath, type ResourcePath } from "./resource-path";
import { fieldSelector, labelSelector } from "./selectors";
import { toKubeObject } from "./to-kube-object";
import { toTable } from "./to-table";
import { warningHeaders } from "./warning-headers";
import { watchKey, watchStream } from "./watch-stream";
import { scaleOf, serveWrite } from "./write/serve-write";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * One request to a simulated cluster's Kubernetes API (`<APP_URL>/k8s/clusters/<id>/<path>`): the cluster by
 * id (404 when it does not exist or was deleted), the bearer token checked against that cluster's admin token
 * (401), Remote API access required (403 saying how to turn it on), then the path as the real API server
 * routes it. Every failure is a Kubernetes Status object. docs/kubernetes-api.md.
 */
export type KubeRequestDeps = {
  pool: Pool;
  encryptionKey: string;
  /** Calls `onChange` whenever the environment may have changed (watches); resolves with the unsubscribe function. */
  subscribe(environmentId: string, onChange: () => void): Promise<() => void>;
};

export async function handleKubeRequest(
  deps: KubeRequestDeps,
  clusterId: string,
  path: readonly string[],
  request: Request,
  now = new Date(),
): Promise<Response> {
  const { pool, encryptionKey } = deps;
  try {
    const environment = uuidPattern.test(clusterId) ? await findEnvironmentById(pool, clusterId) : undefined;
    if (!environment || !isEnvironmentStatus(environment.status) || isTerminal(environment.status)) {
      throw notFound(
        `The cluster ${clusterId.slice(0, 40)} does not exist: it was deleted, or the kubeconfig names another server.`,
      );
    }
    const { sim, secrets } = await readSim(pool, environment.id, encryptionKey);
    authenticate(request, secrets.get("admin-token"));
    if (!environment.settings.addons.remoteApi) {
      throw forbidden(
        `Remote API access is off for ${environment.name}: turn it on under Changes on its page in Clusterport (Remote API access → Turn on), then try again.`,
      );
    }
    const query = new URL(request.url).searchParams;
    if (request.method !== "GET") {
      if (!writeMethods.has(request.method))
        throw methodNotAllowed(`${request.method.slice(0, 20)} is not a method of the Kubernetes API`);
      const target = resourceTarget(path);
      if (!target)
        throw methodNotAllowed(
          `the server does not allow this method on the requested resource (${path.join("/").slice(0, 80)})`,
        );
      const answer = await serveWrite({ pool, encryptionKey }, environment, target, request, query);
      return json(answer.code, answer.body, answer.warnings);
    }
    const ctx: KubeContext = { environmentId: environment.id, plan: environment.plan, sim, encryptionKey };
    const answer = route(ctx, environment, path, query, request.headers.get("accept") ?? "", now);
    if (answer instanceof Response) return answer;
    if (answer instanceof PodLog)
      return servePodLog(
        answer,
        {
          read: async () => (await readSim(pool, environment.id, encryptionKey)).sim,
          subscribe: (onChange) => deps.subscribe(environment.id, onChange),
        },
        request.signal,
        now,
      );
    if (!isWatch(answer)) return json(200, answer);
    const read = async () => {
      const { sim: current } = await readSim(pool, environment.id, encryptionKey);
      return tracked({ ...ctx, sim: current }, answer);
    };
    const stream = watchStream(
      {
        read,
        subscribe: (onChange) => deps.subscribe(environment.id, onChange),
        present: (object, version) => (answer.table ? toTable(answer.resource, [object], version, new Date()) : object),
      },
      {
        initial: tracked(ctx, answer),
        sendInitial: answer.since === null || answer.since === "0",
        timeoutSeconds: answer.timeoutSeconds,
        signal: request.signal,
      },
    );
    return new Response(stream, {
      headers: { "content-type": "application/json", "cache-control": "no-store", "x-accel-buffering": "no" },
    });
  } catch (e) {
    if (e instanceof KubeError)
      return readByRaw(request.method, path) ? json(e.code, e.message) : json(e.code, e.toStatus());
    throw e;
  }
}

function authenticate(request: Request, token: string | undefined): void {
  const header = request.headers.get("authorization") ?? "";
  const presented = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!presented)
    throw unauthorized(
      "Unauthorized: send the cluster's admin token as a bearer token (it is in the kubeconfig from the cluster's page).",
    );
  const digest = (v: string) => createHash("sha256").update(v).digest();
  if (token === undefined || !timingSafeEqual(digest(presented), digest(token))) {
    throw unauthorized(
      "Unauthorized: this token is not the admin token of this cluster. Download the cluster's kubeconfig again.",
    );
  }
}

function route(
  ctx: KubeContext,
  environment: EnvironmentRecord,
  path: readonly string[],
  query: URLSearchParams,
  accept: string,
  now: Date,
): unknown {
  const [first, ...rest] = path;
  if (first === "openapi") return openApi(rest, query, accept);
  if (first === undefined || first === "version") return version(environment);
  if ((first === "healthz" || first === "livez" || first === "readyz") && rest.length === 0) return "ok";
  if (first === "api" && rest.length === 0) return apiVersions();
  if (first === "apis" && rest.length === 0) return apiGroupList();
  const [group, versionName, resourcePath] = splitApiPath(path);
  if (group === undefined || versionName === undefined)
    throw notFound(`the server could not find the requested resource (${path.join("/").slice(0, 80)})`);
  if (resourcePath.length === 0) {
    const list = apiResourceList(group, versionName);
    if (!list)
      throw notFound(
        `the server could not find the requested resource (group version ${group ? `${group}/` : ""}${versionName})`,
      );
    return list;
  }
  const { resource, namespace, name, subresource } = parseResourcePath(group, versionName, resourcePath);
  const table = accept.includes("as=Table");
  if (name !== undefined && subresource === "log") return podLogRequest(ctx, namespace ?? "", name, query);
  if (name !== undefined && subresource === "scale")
    return scaleOf(ctx, requireObject(ctx, resource, namespace ?? "", name));
  if (name !== undefined) return getOne(ctx, resource, namespace ?? "", name, table, now);
  const watch = query.get("watch");
  if (watch === "true" || watch === "1") {
    const timeout = query.get("timeoutSeconds");
    if (timeout !== null && !/^\d{1,6}$/.test(timeout))
      throw badRequest(`timeoutSeconds must be a whole number of seconds, not "${timeout.slice(0, 20)}"`);
    return {
      watch: true as const,
      resource,
      namespace,
      table,
      since: query.get("resourceVersion"),
      timeoutSeconds: Math.min(Number(timeout ?? defaultWatchSeconds) || defaultWatchSeconds, defaultWatchSeconds),
      matches: matcher(query),
    };
  }
  return list(ctx, resource, namespace, query, table, now);
}

/** The real API server ends a watch after 30 to 60 minutes; clients watch again from their last version. */
const defaultWatchSeconds = 1800;

type WatchRequest = {
  watch: true;
  resource: KubeResource;
  namespace: string | undefined;
  table: boolean;
  since: string | null;
  timeoutSeconds: number;
  matches: (o: Record<string, unknown>) => boolean;
};

function isWatch(answer: unknown): answer is WatchRequest {
  return typeof answer === "object" && answer !== null && (answer as { watch?: unknown }).watch === true;
}

function matcher(query: URLSearchParams): (o: Record<string, unknown>) => boolean {
  const byLabels = labelSelector(query.get("labelSelector"));
  const byFields = fieldSelector(query.get("fieldSelector"));
  return (o) => byLabels(o) && byFields(o);
}

/** A watched resource's objects now: converted, filtered, keyed, each with its version. */
function tracked(ctx: KubeContext, w: WatchRequest): Map<string, { version: string; object: Record<string, unknown> }> {
  const out = new Map<string, { version: string; object: Record<string, unknown> }>();
  for (const o of objectsOf(ctx, w.resource, w.namespace)) {
    const object = toKubeObject(ctx, w.resource, o);
    if (w.matches(object)) out.set(watchKey(o), { version: versionOf(object), object });
  }
  return out;
}

const writeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** ["api", v, …] or ["apis", group, v, …] → [group, version, the rest]; undefineds for any other path. */
function splitApiPath(path: readonly string[]): [string | undefined, string | undefined, readonly string[]] {
  const [first, ...rest] = path;
  if (first === "api") return ["", rest[0], rest.slice(1)];
  if (first === "apis") return [rest[0] ?? "", rest[1], rest.slice(2)];
  return [undefined, undefined, []];
}

/** The resource a write names, or undefined when the path names none (discovery, /version…). */
function resourceTarget(path: readonly string[]): ResourcePath | undefined {
  const [group, versionName, rest] = splitApiPath(path);
  if (group === undefined || versionName === undefined || rest.length === 0) return undefined;
  return parseResourcePath(group, versionName, rest);
}

function version(environment: EnvironmentRecord) {
  const [major, minor] = environment.settings.version.split(".");
  return {
    major,
    minor,
    gitVersion: `v${environment.settings.version}`,
    gitCommit: "clusterport-simulated",
    gitTreeState: "clean",
    buildDate: "2026-10-14T00:00:00Z",
    goVersion: "go1.25.3",
    compiler: "gc",
    platform: "linux/amd64",
  };
}

function objectsOf(ctx: KubeContext, resource: KubeResource, namespace: string | undefined) {
  return ctx.sim.objects
    .list(resource.simKind, resource.namespaced ? namespace : undefined)
    .filter((o) => (resource.namespaced ? o.namespace !== "" : o.namespace === ""));
}

/** A rendered object's resourceVersion (a derived one's follows what it is derived from, e.g. Endpoints their pods). */
const versionOf = (o: Record<string, unknown>) =>
  String((o.metadata as { resourceVersion?: string } | undefined)?.resourceVersion ?? "0");

function listVersion(objects: readonly Record<string, unknown>[]): string {
  return String(Math.max(0, ...objects.map((o) => Number(versionOf(o)))));
}

/**
 * A list as the API server pages it: `limit` items at most, then `metadata.continue` — a token naming the list's
 * resourceVersion and the last object sent — and `remainingItemCount` when no selector filters. Pages are cut
 * from the cluster's objects in their order (namespace, then name), so a client following the tokens gets every
 * object once; an object created meanwhile behind the cursor is not in this listing, as with a real server.
 */
function list(
  ctx: KubeContext,
  resource: KubeResource,
  namespace: string | undefined,
  query: URLSearchParams,
  table: boolean,
  now: Date,
) {
  const limitText = query.get("limit");
  if (limitText !== null && !/^\d+$/.test(limitText))
    throw badRequest(`limit must be a whole number, not "${limitText.slice(0, 20)}"`);
  const limit = limitText === null || Number(limitText) === 0 ? Infinity : Number(limitText);
  const token = readContinue(query.get("continue"));
  const objects = objectsOf(ctx, resource, namespace);
  const from = token ? objects.findIndex((o) => cursorOf(o) > token.after) : 0;
  const rest = from < 0 ? [] : objects.slice(from);
  const matches = matcher(query);
  const converted = new Map<(typeof objects)[number], Record<string, unknown>>();
  const convert = (o: (typeof objects)[number]) => {
    let item = converted.get(o);
    if (!item) converted.set(o, (item = toKubeObject(ctx, resource, o)));
    return item;
  };
  const items: Record<string, unknown>[] = [];
  let next = rest.length;
  for (let i = 0; i < rest.length; i++) {
    if (items.length === limit) {
      next = i;
      break;
    }
    const item = convert(rest[i]!);
    if (matches(item)) items.push(item);
  }
  // A continued list keeps the version of its first page.
  const resourceVersion = token?.version ?? listVersion(objects.map(convert));
  const filtered = query.get("labelSelector") !== null || query.get("fieldSelector") !== null;
  const more = next < rest.length;
  const metadata = {
    resourceVersion,
    ...(more ? { continue: writeContinue(resourceVersion, cursorOf(rest[next - 1]!)) } : {}),
    ...(more && !filtered ? { remainingItemCount: rest.length - next } : {}),
  };
  if (table) return { ...toTable(resource, items, resourceVersion, now), metadata };
  return {
    kind: `${resource.kind}List`,
    apiVersion: resource.group === "" ? "v1" : `${resource.group}/${resource.version}`,
    metadata,
    items,
  };
}

const cursorOf = (o: { namespace: string; name: string }) => `${o.namespace}\u0000${o.name}`;

function writeContinue(version: string, after: string): string {
  return Buffer.from(JSON.stringify({ v: version, a: after })).toString("base64url");
}

function readContinue(text: string | null): { version: string; after: string } | undefined {
  if (text === null || text === "") return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(text, "base64url").toString()) as { v?: unknown; a?: unknown };
    if (typeof parsed.v === "string" && typeof parsed.a === "string") return { version: parsed.v, after: parsed.a };
  } catch {
    // Answered below, as the real server does.
  }
  throw badRequest(`continue key is not valid: send the metadata.continue of the previous page unchanged`);
}

function requireObject(ctx: KubeContext, resource: KubeResource, namespace: string, name: string) {
  const object =
    resource.kind === "ReplicaSet"
      ? replicaSetNamed(ctx, namespace, name)
      : ctx.sim.objects.get({ kind: resource.simKind, namespace: resource.namespaced ? namespace : "", name });
  if (!object) {
    throw notFound(`${resource.name}${resource.group ? `.${resource.group}` : ""} "${name.slice(0, 253)}" not found`, {
      name,
      ...(resource.group ? { group: resource.group } : {}),
      kind: resource.name,
    });
  }
  return object;
}

/** A ReplicaSet is named after its Deployment and pod template: found through the Deployment it follows. */
function replicaSetNamed(ctx: KubeContext, namespace: string, name: string) {
  return ctx.sim.objects.list<WorkloadSpec>("Deployment", namespace).find((d) => replicaSetName(d) === name);
}

function getOne(ctx: KubeContext, resource: KubeResource, namespace: string, name: string, table: boolean, now: Date) {
  const object = requireObject(ctx, resource, namespace, name);
  const item = toKubeObject(ctx, resource, object);
  return table ? toTable(resource, [item], versionOf(item), now) : item;
}

/**
 * The reads client-go makes with `.Raw()` — discovery (`/api`, `/apis`, the aggregated discovery kubectl asks first),
 * `/version` and the OpenAPI documents — never decode a Status from a failure: they show its text only when the
 * answer is text/plain, else "unknown" (so kubectl printed "Error from server (Forbidden): unknown"). Their failures
 * are sent as the plain message; every other failure stays a Status object.
 */
function readByRaw(method: string, path: readonly string[]): boolean {
  if (method !== "GET") return false;
  const [first] = path;
  return (
    path.length === 0 ||
    ((first === "api" || first === "apis" || first === "version") && path.length === 1) ||
    first === "openapi"
  );
}

function json(status: number, body: unknown, warnings: readonly string[] = []): Response {
  const headers = new Headers({
    "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json",
    "cache-control": "no-store",
  });
  // kubectl prints each as "Warning: …".
  for (const w of warningHeaders(warnings)) headers.append("warning", w);
  return new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers });
}
