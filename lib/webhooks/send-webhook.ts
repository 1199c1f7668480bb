import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { ResolvedAddress } from "./check-webhook-url";

type WebhookRequest = {
  url: URL;
  /** The address the SSRF guard checked: the connection goes there, whatever the name resolves to now. */
  address: ResolvedAddress;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
};

/** The answer: its status and the first bytes of its body (at most responseBodyLimit). */
export type WebhookResponse = { status: number; statusText: string; location: string | null; body: string };

/** Sends one attempt; rejects with an error in words when no answer came. Injected, so tests control it. */
export type SendWebhook = (request: WebhookRequest) => Promise<WebhookResponse>;

/** A receiver's answer only tells success or failure; more than this is not read (nor kept). */
const responseBodyLimit = 4096;

/**
 * POSTs with node:http(s) to the checked address: `lookup` answers with it, so Host and TLS (SNI and the
 * certificate's name) still use the URL's name while DNS is not asked again. Redirects are not followed (a 3xx
 * is an answer like any other, and a failure), at most 4 KiB of the body is read, and the whole exchange is cut
 * off after `timeoutMs`. No keep-alive: each attempt has a connection of its own, to the address checked for it.
 */
export const sendWebhook: SendWebhook = (r) =>
  new Promise((resolve, reject) => {
    const pinned: LookupFunction = (_hostname, options, callback) => {
      if (options.all) callback(null, [{ address: r.address.address, family: r.address.family }]);
      else callback(null, r.address.address, r.address.family);
    };
    const client = r.url.protocol === "https:" ? https : http;
    const request = client.request(
      r.url,
      {
        method: "POST",
        headers: { ...r.headers, "content-length": String(Buffer.byteLength(r.body)) },
        lookup: pinned,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          clearTimeout(timer);
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? "",
            location: response.headers.location ?? null,
            body: Buffer.concat(chunks).subarray(0, responseBodyLimit).toString("utf8"),
          });
        };
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= responseBodyLimit) {
            response.destroy();
            done();
          }
        });
        response.on("end", done);
        response.on("error", (e) => {
          clearTimeout(timer);
          reject(describeNetworkError(e, r));
        });
      },
    );
    const timer = setTimeout(
      () => request.destroy(new Error(`No answer within ${r.timeoutMs / 1000} s.`)),
      r.timeoutMs,
    );
    request.on("error", (e) => {
      clearTimeout(timer);
      reject(describeNetworkError(e, r));
    });
    request.end(r.body);
  });

/** A failed exchange, in words a customer can act on. */
function describeNetworkError(e: Error & { code?: string }, r: WebhookRequest): Error {
  const where = `${r.address.family === 6 ? `[${r.address.address}]` : r.address.address}:${r.url.port || (r.url.protocol === "https:" ? 443 : 80)}`;
  switch (e.code) {
    case "ECONNREFUSED":
      return new Error(`The connection to ${where} was refused: nothing listens there.`);
    case "ECONNRESET":
      return new Error(`${where} closed the connection before answering.`);
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return new Error(`${where} cannot be reached from Clusterport's network.`);
    case "ETIMEDOUT":
      return new Error(`The connection to ${where} timed out.`);
    default:
      if (e.code?.startsWith("ERR_TLS") || e.code?.includes("CERT") || e.code === "EPROTO")
        return new Error(`The TLS handshake with ${r.url.hostname} failed: ${e.message}`);
      return new Error(
        e.message.startsWith("No answer within")
          ? `${e.message} Answer at once (queue the work) with a 2xx.`
          : `The request to ${where} failed: ${e.message}`,
      );
  }
}
