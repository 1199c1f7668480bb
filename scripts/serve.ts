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
import { runShutdownHooks } from "@/lib/shutdown";

const root = path.resolve(__dirname, "..");

async function main() {
  const config = env();
  const app = next({ dev: false, dir: root, port: config.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    // A client that goes away while its body is unread (a refused upload, a closed tab) is not an error of ours.
    req.on("error", () => {});
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
