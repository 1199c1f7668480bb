// The HTTP server in front of Next.js (started by scripts/start.ts). It exists for two reasons:
// - Next.js keeps an X-Forwarded-For header that a client sends, so behind no proxy anyone could claim any
//   address. Here the header is replaced by the one address this server can vouch for (TRUSTED_PROXY_HOPS),
//   and the other forwarding headers are dropped unless a trusted proxy wrote them.
// - SIGTERM is a graceful stop: no new connections, the engine stops claiming and finishes or hands back its
//   steps, the live feed stops listening, the pool closes (lib/shutdown.ts), then the process exits.
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
  const server = http.createServer((req, res) => {
    // A client that goes away mid-request is not an error of ours.
    req.on("error", () => {});
    // A path that cannot be decoded is answered here, as proxy.ts would answer it: handed to Next.js with a body,
    // the early answer leaves Next's copy of the body to fail with an uncaught "aborted" when the client closes.
    const pathname = (req.url ?? "/").split("?")[0]!;
    if (isMalformedPath(pathname)) {
      req.resume();
      if (pathname.startsWith("/api/")) {
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
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    // Keep-alive and event-stream connections would hold close() open; they end with the process.
    server.closeIdleConnections();
    void runShutdownHooks((e) => console.error("Shutdown:", e)).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 60_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
