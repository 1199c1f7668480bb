// The HTTP server in front of Next.js (started by scripts/start.ts). It exists for two reasons:
// - Next.js keeps an X-Forwarded-For header that a client sends, so behind no proxy anyone could claim any
//   address. Here the header is replaced by the one address this server can vouch for (TRUSTED_PROXY_HOPS),
//   and the other forwarding headers are dropped unless a trusted proxy wrote them.
// - SIGTERM is a graceful stop: no new connections, requests under way are answered (up to 10 s), then the
//   engine stops claiming and finishes or hands back its steps, the live feed stops listening and ends its
//   event streams, the pool closes (lib/shutdown.ts), and the process exits.
// It also answers the clusters' Kubernetes API over TLS on the same port (kubectl sends its token over nothing
// else): a connection that opens with a TLS handshake gets a certificate signed by the installation's own
// authority (kept in the database, named in every kubeconfig), the others plain HTTP (lib/tls).
// One failed request is not the end: whatever a request throws or rejects is logged (JSON, so escaped; no
// headers or query) and answered 500 when it can still be, and the process keeps serving.
import http from "node:http";
import path from "node:path";
import next from "next";
import { ensureCertificateAuthority } from "@/lib/data/ensure-certificate-authority";
import { database } from "@/lib/db/database";
import { env } from "@/lib/env";
import { answerFailedRequest } from "@/lib/http/answer-failed-request";
import { clientAddress } from "@/lib/http/client-address";
import { isMalformedPath, malformedPathProblem } from "@/lib/http/malformed-path";
import { apiContentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";
import { logger } from "@/lib/logger";
import { runShutdownHooks } from "@/lib/shutdown";
import { issueServingCertificate, type KeyPairCertificate } from "@/lib/tls/certificate-authority";
import { listenHttpAndHttps } from "@/lib/tls/listen-http-and-https";
import { servingNames } from "@/lib/tls/serving-names";

const root = path.resolve(__dirname, "..");
/** A serving certificate lives 90 days and is replaced weekly, so a server that runs for months never lets one expire. */
const renewServingCertificateMs = 7 * 24 * 60 * 60_000;

// Logged through pino (escaped), never re-thrown: a fault in one request must not stop the others. Installed before
// Next.js starts, under the key Next.js looks for, so that its own handler (raw console output) is not added beside it.
const onUnhandledRejection = (reason: unknown) =>
  logger.error({ err: reason }, "a promise was rejected and nobody handled it; the server keeps serving");
const onUncaughtException = (e: unknown) =>
  logger.error({ err: e }, "an exception was not caught; the server keeps serving");
(globalThis as Record<symbol, unknown>)[Symbol.for("next.unhandledRejectionListener")] = onUnhandledRejection;
process.on("unhandledRejection", onUnhandledRejection);
process.on("uncaughtException", onUncaughtException);

async function main() {
  const config = env();
  const app = next({ dev: false, dir: root, port: config.port });
  const handle = app.getRequestHandler();
  const ownListeners = process.listeners("uncaughtException");
  await app.prepare();
  // Next.js adds an uncaughtException handler that prints the raw error; ours already logs it, escaped.
  for (const listener of process.listeners("uncaughtException"))
    if (!ownListeners.includes(listener)) process.removeListener("uncaughtException", listener);
  const authority = await ensureCertificateAuthority(database(), config.encryptionKey);
  const names = servingNames(config.appUrl);
  const serving = (ca: KeyPairCertificate) => {
    const { certificate, privateKey } = issueServingCertificate(ca, names);
    return { cert: certificate, key: privateKey };
  };
  // Requests being answered, so that a stop waits for them before the pool closes. Event streams never end on
  // their own; the live feed's shutdown hook ends them.
  const answering = new Set<http.ServerResponse>();
  let stopping = false;
  const server = http.createServer((req, res) => {
    // A client that goes away mid-request is not an error of ours.
    req.on("error", () => {});
    if (stopping) res.setHeader("connection", "close");
    if (!req.headers.accept?.includes("text/event-stream")) {
      answering.add(res);
      res.on("close", () => answering.delete(res));
    }
    // A path that cannot be decoded is answered here, as proxy.ts would answer it: handed to Next.js with a body,
    // the early answer leaves Next's copy of the body to fail with an uncaught "aborted" when the client closes.
    const pathname = (req.url ?? "/").split("?")[0]!;
    if (isMalformedPath(pathname)) {
      if (pathname.startsWith("/api/") || pathname.startsWith("/k8s/")) {
        req.resume();
        res.writeHead(400, {
          "content-type": "application/problem+json",
          "cache-control": "no-store",
          "content-security-policy": apiContentSecurityPolicy,
          ...Object.fromEntries(securityHeaders({ https: config.appUrl.startsWith("https://") })),
        });
        res.end(JSON.stringify(malformedPathProblem(new URL(config.appUrl).origin)));
        return;
      }
      req.url = "/__not-found";
    }
    // The app has no server actions; Next.js would log every forged action id a client sends as an error.
    delete req.headers["next-action"];
    req.headers["x-forwarded-for"] = clientAddress(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      config.trustedProxyHops,
    );
    if (config.trustedProxyHops === 0) {
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-proto"];
      delete req.headers["x-forwarded-port"];
    }
    handle(req, res).catch((e: unknown) =>
      answerFailedRequest(req, res, pathname, e, { https: config.appUrl.startsWith("https://") }),
    );
  });
  const { front, setSecureContext } = listenHttpAndHttps(server, config.port, serving(authority), () => {
    console.log(`  ▲ Listening on port ${config.port} (HTTP, and HTTPS for kubectl)`);
  });
  setInterval(() => {
    // The authority is read again, in case another server's start made it after a restore (same ENCRYPTION_KEY).
    ensureCertificateAuthority(database(), config.encryptionKey)
      .then((ca) => setSecureContext(serving(ca)))
      .catch((e: unknown) =>
        logger.warn(
          { err: e },
          "the clusters' API serving certificate could not be renewed; the current one stays until the next try",
        ),
      );
  }, renewServingCertificateMs).unref();
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), 60_000).unref();
    front.close();
    server.close();
    // Keep-alive and event-stream connections would hold close() open; they end with the process.
    server.closeIdleConnections();
    const deadline = Date.now() + 10_000;
    while (answering.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await runShutdownHooks((e) => console.error("Shutdown:", e));
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
