import crypto from "node:crypto";
import { createTestDatabase, insertTestUser, type TestDatabase } from "@/lib/db/testing/create-test-database";
import { createRunner, readSim, stepHandlers, virtualClock } from "@/lib/engine";
import { insertTestEnvironment } from "@/lib/engine/testing/insert-test-environment";
import { defaultInstallSettings } from "@/lib/validations/install-settings";
import { handleKubeRequest } from "../handle-kube-request";

export type KubeAnswer = { status: number; headers: Headers; contentType: string; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- Kubernetes objects are read by path

/**
 * A development cluster with Remote API access on, installed on a database of its own, and a way to send its
 * Kubernetes API a request as a client would (the admin token as bearer), for tests of lib/kube-api.
 */
export async function testCluster(name: string) {
  const key = crypto.randomBytes(32).toString("base64");
  const db: TestDatabase = await createTestDatabase({ max: 10 });
  const userId = await insertTestUser(db.pool);
  const clock = virtualClock();
  const base = defaultInstallSettings(name, "eu-central");
  const { environmentId } = await insertTestEnvironment(db.pool, {
    userId,
    name,
    settings: { addons: { ...base.addons, remoteApi: true } },
    now: clock.now(),
  });
  await createRunner({
    pool: db.pool,
    clock,
    handlers: stepHandlers,
    encryptionKey: key,
    concurrency: 16,
  }).runUntilIdle();
  const token = (await readSim(db.pool, environmentId, key)).secrets.get("admin-token")!;
  const deps = { pool: db.pool, encryptionKey: key, subscribe: async () => () => {} };

  /** `path` as in the kubeconfig's server plus a path: "/api/v1/pods?…". */
  async function send(
    method: string,
    path: string,
    init: { body?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal } = {},
  ): Promise<Response> {
    const url = new URL(`http://clusterport.test/k8s/clusters/${environmentId}${path}`);
    const request = new Request(url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    return handleKubeRequest(
      deps,
      environmentId,
      url.pathname
        .split("/")
        .slice(4)
        .filter((s) => s !== ""),
      request,
    );
  }

  /** The answer read: JSON parsed, anything else as text. */
  async function call(
    method: string,
    path: string,
    body?: unknown,
    contentType = "application/json",
    headers: Record<string, string> = {},
  ): Promise<KubeAnswer> {
    const response = await send(method, path, {
      headers: { "content-type": contentType, ...headers },
      ...(body === undefined
        ? {}
        : { body: typeof body === "string" || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body) }),
    });
    const text = await response.text();
    const type = response.headers.get("content-type") ?? "";
    return {
      status: response.status,
      headers: response.headers,
      contentType: type,
      body: type.includes("json") && text ? JSON.parse(text) : text,
    };
  }

  return { db, key, clusterId: environmentId, token, send, call };
}

export type TestCluster = Awaited<ReturnType<typeof testCluster>>;
