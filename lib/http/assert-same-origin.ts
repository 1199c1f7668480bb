import { env } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";

/**
 * Defence in depth beside SameSite session cookies: a browser always sends Origin with a state-changing
 * request, and one from another site is refused. Scripts (no Origin header) authenticate with the cookie or a token.
 */
export function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const { appUrl, port } = env();
  const allowed = [new URL(appUrl).origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`];
  if (!allowed.includes(origin) && origin !== new URL(request.url).origin) {
    throw new ForbiddenError("This request came from another site and was refused.");
  }
}
