import { randomUUID } from "node:crypto";
import type { Problem } from "@/lib/api-v1/problem";
import { CliError } from "./cli-error";
import type { Config } from "./config-file";
import { exitCodeForStatus, exitCodes } from "./exit-codes";
import type { Io } from "./io";

type Method = "GET" | "POST" | "DELETE";

/** A request that has had no answer for this long counts as a network error. */
const timeoutMs = 30_000;
const userAgent = "clusterport-cli";

/**
 * Calls <APP_URL>/api/v1 with the token. Error answers become CliErrors with the exit code of their status and
 * the problem's detail and field errors. A 429 is retried once after its Retry-After. A network error is
 * retried once for requests that are safe to repeat: GETs, and POSTs, which carry an Idempotency-Key (the same
 * on the retry, so a request that did arrive is answered, not done twice). A DELETE is not retried.
 */
export class ApiClient {
  constructor(
    readonly config: Config,
    private readonly io: Pick<Io, "fetch" | "sleep" | "err">,
  ) {}

  /** `idempotencyKey` is the POST's key (a new one by default): a script that repeats a command with the same key gets the first answer. */
  async json<T>(method: Method, path: string, body?: unknown, options: { idempotencyKey?: string } = {}): Promise<T> {
    const response = await this.send(method, path, body, "application/json", options.idempotencyKey);
    return (await response.json()) as T;
  }

  /** A GET whose answer is not JSON (the kubeconfig's YAML). */
  async text(path: string, accept: string): Promise<string> {
    return (await this.send("GET", path, undefined, accept)).text();
  }

  private async send(
    method: Method,
    path: string,
    body: unknown,
    accept: string,
    idempotencyKey?: string,
  ): Promise<Response> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.config.token}`,
      accept: `${accept}, application/problem+json`,
      "user-agent": userAgent,
    };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers["content-type"] = "application/json";
    if (method === "POST") headers["idempotency-key"] = idempotencyKey ?? randomUUID();
    const init: RequestInit = { method, headers, ...(payload !== undefined ? { body: payload } : {}) };
    const url = `${this.config.url}/api/v1${path}`;
    let response = await this.fetchWithRetry(url, init, method !== "DELETE");
    if (response.status === 429) {
      const seconds = retryAfterSeconds(response.headers.get("retry-after"));
      this.io.err(`Rate limited: trying again in ${seconds} s.\n`);
      await this.io.sleep(seconds * 1000);
      response = await this.fetchWithRetry(url, init, method !== "DELETE");
    }
    if (!response.ok) throw await errorFromResponse(response, method, this.config.url);
    return response;
  }

  private async fetchWithRetry(url: string, init: RequestInit, retry: boolean): Promise<Response> {
    try {
      return await this.io.fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      if (!retry) throw unreachable(this.config.url, e);
    }
    await this.io.sleep(1000);
    try {
      return await this.io.fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      throw unreachable(this.config.url, e);
    }
  }
}

/** Retry-After in seconds or as an HTTP date; 1 s when missing or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (header === null) return 1;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1 : Math.max(0, Math.ceil((date - now) / 1000));
}

function unreachable(appUrl: string, e: unknown): CliError {
  const error = e as Error & { cause?: { code?: string; message?: string } };
  const why =
    error.name === "TimeoutError"
      ? `no answer within ${timeoutMs / 1000} s`
      : (error.cause?.code ?? error.cause?.message ?? error.message);
  return new CliError(
    `Cannot reach ${appUrl} (${why}): check the URL and that the app is running.`,
    exitCodes.unreachable,
  );
}

async function errorFromResponse(response: Response, method: Method, appUrl: string): Promise<CliError> {
  const problem = (response.headers.get("content-type") ?? "").includes("json")
    ? ((await response.json().catch(() => null)) as Partial<Problem> | null)
    : null;
  if (typeof problem?.detail !== "string") {
    // An HTML page or a proxy's answer: whatever answered, it is not the API.
    const message =
      response.status >= 500
        ? `${appUrl} answered ${response.status} ${response.statusText}: try again later.`
        : `${appUrl} answered ${response.status} without an API problem: is it the Clusterport app's address?`;
    return new CliError(message, exitCodes.unreachable);
  }
  const details = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`);
  return new CliError(
    `${problem.detail}${hint(response.status, problem.code)}`,
    exitCodeForStatus(response.status),
    details,
  );
}

function hint(status: number, code: string | undefined): string {
  if (status === 401) return " Run `clusterport login --url <APP_URL>` with a valid API token.";
  if (code === "insufficient_scope")
    return " Create a Read and write token on the Account page and run `clusterport login` with it.";
  return "";
}
