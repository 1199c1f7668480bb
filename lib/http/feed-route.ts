import "server-only";
import { problemFor } from "@/lib/api-v1/problem";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/get-current-user";
import { UnauthorizedError } from "@/lib/errors";

type Handler<P> = (ctx: { request: Request; user: CurrentUser; params: P }) => Promise<Response>;

/**
 * Wraps a Server-Sent Events route (the feeds beside API v1): requires a session, and answers what fails before
 * the stream opens as problem+json, the one error shape of the app's HTTP APIs.
 */
export function feedRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await getCurrentUser();
      if (!user) throw new UnauthorizedError();
      return await handler({ request, user, params: await context.params });
    } catch (e) {
      return problemFor(e, request);
    }
  };
}
