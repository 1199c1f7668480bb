import type http from "node:http";
import net from "node:net";
import tls from "node:tls";

/** How long a connection may stay silent before its first byte says what it speaks. */
const firstByteTimeoutMs = 30_000;

/**
 * One port for the browser's plain HTTP and kubectl's HTTPS: each connection's first byte decides (0x16 opens a
 * TLS handshake; HTTP starts with a method's letter), then the socket goes, that byte put back, to `server`
 * directly or through TLS. Only HTTP/1.1 is offered over TLS (ALPN): Next.js's handler takes Node's HTTP/1
 * requests. `setSecureContext` swaps the certificate for new connections (renewal). Returns the listening socket
 * server; closing it stops new connections, `server` still owns the requests under way.
 */
export function listenHttpAndHttps(
  server: http.Server,
  port: number,
  secure: { key: string; cert: string },
  onListening: () => void,
) {
  const tlsServer = tls.createServer({ ...secure, ALPNProtocols: ["http/1.1"] }, (socket) =>
    server.emit("connection", socket),
  );
  // A client that gives up mid-handshake or does not trust us is not an error of ours.
  tlsServer.on("tlsClientError", (_e, socket) => socket.destroy());
  const front = net.createServer((socket) => {
    const ignore = () => socket.destroy();
    socket.on("error", ignore);
    socket.setTimeout(firstByteTimeoutMs, () => socket.destroy());
    socket.once("readable", function route() {
      const head: Buffer | null = socket.read(1);
      if (head === null) {
        if (!socket.destroyed) socket.once("readable", route);
        return;
      }
      socket.unshift(head);
      socket.setTimeout(0);
      if (head[0] === 0x16) {
        tlsServer.emit("connection", socket);
      } else {
        // The HTTP server answers a broken request with 400 through its own error listener.
        socket.removeListener("error", ignore);
        server.emit("connection", socket);
      }
    });
  });
  // `server` never listens itself; this starts its connection tracking (headers and request timeouts,
  // closeIdleConnections), which Node begins on 'listening'.
  front.on("listening", () => server.emit("listening"));
  front.listen(port, onListening);
  return { front, setSecureContext: (next: { key: string; cert: string }) => tlsServer.setSecureContext(next) };
}
