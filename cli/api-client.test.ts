import { describe, expect, it } from "vitest";
import { ApiClient, retryAfterSeconds } from "./api-client";
import { CliError } from "./cli-error";
import { fakeIo, jsonResponse, problemResponse } from "./testing/fake-io";

const config = { url: "http://app.test", token: "cp_test" };

async function failure(promise: Promise<unknown>): Promise<CliError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CliError)) throw new Error(`expected a CliError, got ${String(error)}`);
  return error;
}

describe("ApiClient", () => {
  it("sends the token, and a POST's body as JSON with an Idempotency-Key", async () => {
    const { io, requests } = fakeIo({ handler: () => jsonResponse(201, { name: "demo" }) });
    await new ApiClient(config, io).json("POST", "/environments", { name: "demo" });
    const [request] = requests;
    expect(request?.url.href).toBe("http://app.test/api/v1/environments");
    expect(request?.headers.get("authorization")).toBe("Bearer cp_test");
    expect(request?.headers.get("content-type")).toBe("application/json");
    expect(request?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(request?.body).toBe('{"name":"demo"}');
  });

  it("retries a network error once with the same Idempotency-Key and body", async () => {
    let calls = 0;
    const { io, requests, sleeps } = fakeIo({
      handler: () => {
        calls += 1;
        if (calls === 1) throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
        return jsonResponse(201, { name: "demo" });
      },
    });
    expect(await new ApiClient(config, io).json("POST", "/environments", { name: "demo" })).toEqual({ name: "demo" });
    expect(requests).toHaveLength(2);
    expect(requests[1]?.headers.get("idempotency-key")).toBe(requests[0]?.headers.get("idempotency-key"));
    expect(requests[1]?.body).toBe(requests[0]?.body);
    expect(sleeps).toEqual([1000]);
  });

  it("exits 6 when the server stays unreachable, naming the cause; a DELETE is not repeated", async () => {
    const { io, requests } = fakeIo({
      handler: () => {
        throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
      },
    });
    const client = new ApiClient(config, io);
    const get = await failure(client.json("GET", "/account"));
    expect(get).toMatchObject({
      exitCode: 6,
      message: "Cannot reach http://app.test (ECONNREFUSED): check the URL and that the app is running.",
    });
    expect(requests).toHaveLength(2);
    await failure(client.json("DELETE", "/environments/demo"));
    expect(requests).toHaveLength(3);
  });

  it("waits Retry-After once on 429, then exits 7 if still limited", async () => {
    const limited = () =>
      problemResponse(429, "This token made more than 600 requests this minute. Try again in 12 s.");
    const { io, sleeps, stderr } = fakeIo({
      handler: () => {
        const response = limited();
        response.headers.set("retry-after", "12");
        return response;
      },
    });
    const error = await failure(new ApiClient(config, io).json("GET", "/account"));
    expect(error.exitCode).toBe(7);
    expect(sleeps).toEqual([12_000]);
    expect(stderr()).toBe("Rate limited: trying again in 12 s.\n");
  });

  it("answers after a 429 when the retry passes", async () => {
    let calls = 0;
    const { io } = fakeIo({
      handler: () => (++calls === 1 ? problemResponse(429, "slow down") : jsonResponse(200, { ok: true })),
    });
    expect(await new ApiClient(config, io).json("GET", "/account")).toEqual({ ok: true });
  });

  it("turns a problem into its exit code, detail and field errors", async () => {
    const { io } = fakeIo({
      handler: () =>
        problemResponse(409, 'The name "demo" is taken.', [{ field: "name", message: "Choose another name." }]),
    });
    expect(await failure(new ApiClient(config, io).json("POST", "/environments", {}))).toMatchObject({
      exitCode: 5,
      message: 'The name "demo" is taken.',
      details: ["name: Choose another name."],
    });
  });

  it("says how to fix 401 and 403", async () => {
    const { io } = fakeIo({
      handler: (url) =>
        url.pathname.endsWith("account")
          ? problemResponse(401, "This API token is not valid.")
          : problemResponse(403, "needs a Read and write token.", undefined, "insufficient_scope"),
    });
    const client = new ApiClient(config, io);
    expect((await failure(client.json("GET", "/account"))).message).toMatch(
      /not valid\. Run `clusterport login --url <APP_URL>`/,
    );
    const forbidden = await failure(client.json("DELETE", "/environments/demo"));
    expect(forbidden).toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/Read and write token on the Account page and run `clusterport login`/),
    });
  });

  it("exits 6 for an answer that is not the API's: an HTML page, a proxy's 502", async () => {
    const { io } = fakeIo({
      handler: (url) =>
        new Response("<html>", {
          status: url.pathname.endsWith("account") ? 404 : 502,
          statusText: "Bad Gateway",
          headers: { "content-type": "text/html" },
        }),
    });
    const client = new ApiClient(config, io);
    expect(await failure(client.json("GET", "/account"))).toMatchObject({
      exitCode: 6,
      message: expect.stringMatching(/without an API problem/),
    });
    expect(await failure(client.json("GET", "/environments"))).toMatchObject({
      exitCode: 6,
      message: "http://app.test answered 502 Bad Gateway: try again later.",
    });
  });
});

describe("retryAfterSeconds", () => {
  it("reads seconds or an HTTP date, else waits a second", () => {
    expect(retryAfterSeconds("7")).toBe(7);
    expect(retryAfterSeconds(new Date(10_000).toUTCString(), 4_000)).toBe(6);
    expect(retryAfterSeconds(null)).toBe(1);
    expect(retryAfterSeconds("soon")).toBe(1);
  });
});
