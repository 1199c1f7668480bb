import type http from "node:http";
import { logger } from "@/lib/logger";
import { apiContentSecurityPolicy, securityHeaders } from "./security-headers";

const message =
  "Clusterport could not answer this request because of an error on its side; it has been logged. Try again; if it keeps failing, contact support.";

/**
 * What scripts/serve.ts does when Next.js's handler rejects: the failure is logged (JSON through pino, so escaped;
 * the method and path only — no headers, no query, which may carry secrets), and the request is answered 500 in
 * its API's shape (a Kubernetes Status under /k8s/, the app's error JSON under /api/, text otherwise), or cut off
 * when the answer had already begun. The process goes on serving the others.
 */
export function answerFailedRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
  error: unknown,
  opts: { https: boolean },
): void {
  logger.error(
    { err: error, method: req.method, path: pathname.slice(0, 200) },
    "a request failed; answered 500, the server keeps serving",
  );
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const kube = pathname.startsWith("/k8s/");
  const api = pathname.startsWith("/api/");
  res.writeHead(500, {
    "content-type": kube || api ? "application/json" : "text/plain; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": apiContentSecurityPolicy,
    ...Object.fromEntries(securityHeaders(opts)),
  });
  res.end(
    kube
      ? JSON.stringify({
          kind: "Status",
          apiVersion: "v1",
          metadata: {},
          status: "Failure",
          message,
          reason: "InternalError",
          code: 500,
        })
      : api
        ? JSON.stringify({ error: { code: "internal", message } })
        : message,
  );
}
