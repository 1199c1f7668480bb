// The HTTP server in front of Next.js (started by scripts/start.ts). It exists for two reasons:
// - Next.js keeps an X-Forwarded-For header that a client sends, so behind no proxy anyone could claim any
//   address. Here the header is replaced by the one address this server can vouch for (TRUSTED_PROXY_HOPS),
//   and the other forwarding headers are dropped unless a trusted proxy wrote them.
// - SIGTERM is a graceful stop: no new connections, requests under way are answered (up to 10 s), then the
//   engine stops claiming and finishes or hands back its steps, the live feed stops listening and ends its
//   event streams, the pool closes (lib/shutdown.ts), and the process exits.
import http from "node:http";
import path from "node:path";
import next from "next";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { isMalformedPath, malformedPathError } from "@/lib/http/malformed-path";
import { apiContentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";
import { runShutdownHooks } from "@/lib/shutdown";

const root = path.resolve(__dirname, "..");

async function main() {
  const config = env();
  const app = next({ dev: false, dir: root, port: config.port });
  const handle = app.getRequestHandler();
  await app.prepare();
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
      req.resume();
      if (pathname.startsWith("/api/") || pathname.startsWith("/k8s/")) {
        res.writeHead(400, {
          "content-type": "application/json",
          "content-security-policy": apiContentSecurityPolicy,
          ...Object.fromEntries(securityHeaders({ https: config.appUrl.startsWith("https://") })),
        });
        res.end(JSON.stringify(malformedPathError));
        return;
      }
      req.url = "/__not-found";
    }
    // The app has no server actions; Next.js would log every forged action id a client sends as an error.
    delete req.headers["next-action"];
    req.headers["x-forwarded-for"] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], config.trustedProxyHops);
    if (config.trustedProxyHops === 0) {
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-proto"];
      delete req.headers["x-forwarded-port"];
    }
    void handle(req, res);
  });
  server.listen(config.port, () => {
    console.log(`  ▲ Listening on port ${config.port}`);
  });
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), 60_000).unref();
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
