import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerFailedRequest } from "./answer-failed-request";

// The handler fails as Next.js's can: a rejection before answering, or after the answer began.
const server = http.createServer((req, res) => {
  const pathname = (req.url ?? "/").split("?")[0]!;
  const handle = async () => {
    if (pathname.endsWith("/late")) {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("half");
    }
    if (pathname.includes("fail")) throw new Error("boom \u001b[31m in the handler");
    res.end("fine");
  };
  handle().catch((e: unknown) => answerFailedRequest(req, res, pathname, e, { https: false }));
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe("answerFailedRequest", () => {
  it("answers each API's failure in its own shape with 500, and the server goes on serving", async () => {
    const kube = await fetch(`${base}/k8s/clusters/x/fail`);
    expect(kube.status).toBe(500);
    expect(await kube.json()).toMatchObject({ kind: "Status", status: "Failure", reason: "InternalError", code: 500 });
    const api = await fetch(`${base}/api/fail?token=secret`);
    expect(api.status).toBe(500);
    expect(api.headers.get("cache-control")).toBe("no-store");
    const body = (await api.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("internal");
    expect(body.error.message).not.toContain("boom");
    const page = await fetch(`${base}/fail`);
    expect(page.status).toBe(500);
    expect(await page.text()).toMatch(/^Clusterport could not answer this request/);
    expect(await (await fetch(`${base}/ok`)).text()).toBe("fine");
  });

  it("cuts off an answer that had begun, instead of sending a second one", async () => {
    await expect(fetch(`${base}/api/fail/late`).then((r) => r.text())).rejects.toThrow();
    expect(await (await fetch(`${base}/ok`)).text()).toBe("fine");
  });
});
