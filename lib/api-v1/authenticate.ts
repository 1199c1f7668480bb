import "server-only";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { findTokenPrincipal } from "@/lib/data/api-tokens/find-token-principal";
import { UnauthorizedError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import type { Principal } from "./define-operation";

/**
 * The caller: an API token (`Authorization: Bearer cp_…`, its scope) or, without one, the browser's session
 * (both scopes; a state-changing request from another site is refused). 401 in words otherwise.
 */
export async function authenticate(request: Request): Promise<Principal> {
  const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "";
  const userAgent = request.headers.get("user-agent") ?? "";
  const header = request.headers.get("authorization");
  if (header !== null) {
    const presented = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)?.[1];
    if (!presented) throw new UnauthorizedError("Send the API token as Authorization: Bearer cp_….");
    const { user, token } = await findTokenPrincipal(presented, ip);
    return { user, token, via: `token:${token.name}`, ip, userAgent };
  }
  const user = request.headers.has("cookie") ? await getCurrentUser() : null;
  if (!user)
    throw new UnauthorizedError(
      "Send an API token as Authorization: Bearer cp_… (create one on your Account page), or sign in.",
    );
  assertSameOrigin(request);
  return { user, token: null, via: "browser", ip, userAgent };
}
