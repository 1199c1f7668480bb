import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import type { ConnectionOptions, TLSSocket } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCertificateAuthority, issueServingCertificate } from "./certificate-authority";
import { listenHttpAndHttps } from "./listen-http-and-https";
import { servingNames } from "./serving-names";

const ca = createCertificateAuthority();
const serving = issueServingCertificate(ca, servingNames("http://localhost:3000"));
const server = http.createServer((req, res) =>
  res.end(`${(req.socket as TLSSocket).encrypted ? "https" : "http"} ${req.url}`),
);
let front: ReturnType<typeof listenHttpAndHttps>["front"];
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => {
    ({ front } = listenHttpAndHttps(server, 0, { key: serving.privateKey, cert: serving.certificate }, resolve));
  });
  port = (front.address() as AddressInfo).port;
});
afterAll(() => {
  front.close();
  server.close();
});

function get(url: string, options: https.RequestOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith("https:") ? https : http;
    client
      .get(url, { ...options, agent: false }, (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}

describe("listenHttpAndHttps", () => {
  it("answers plain HTTP and TLS on one port, each connection by its first byte", async () => {
    expect(await get(`http://localhost:${port}/pages`)).toBe("http /pages");
    expect(await get(`https://localhost:${port}/k8s/clusters/x/api`, { ca: ca.certificate })).toBe(
      "https /k8s/clusters/x/api",
    );
    expect(await get(`https://127.0.0.1:${port}/version`, { ca: ca.certificate })).toBe("https /version");
  });

  it("is verified only by a client that trusts the installation's authority", async () => {
    await expect(get(`https://localhost:${port}/`, { ca: createCertificateAuthority().certificate })).rejects.toThrow(
      /certificate/i,
    );
  });

  it("offers only HTTP/1.1 over TLS, which Next.js's handler takes", async () => {
    const protocol = await new Promise<string | false>((resolve, reject) => {
      const options: https.RequestOptions & ConnectionOptions = {
        ca: ca.certificate,
        ALPNProtocols: ["h2", "http/1.1"],
        agent: false,
      };
      const req = https.get(`https://localhost:${port}/`, options, (res) => {
        resolve((res.socket as TLSSocket).alpnProtocol ?? false);
        res.resume();
      });
      req.on("error", reject);
    });
    expect(protocol).toBe("http/1.1");
  });
});
