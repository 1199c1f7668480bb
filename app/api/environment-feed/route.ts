import { feedRoute } from "@/lib/http/feed-route";
import { feed } from "@/lib/live/feed";
import { sseStream } from "@/lib/live/sse-stream";

export const dynamic = "force-dynamic";

/** Live list of the account's environments with status and progress (SSE, `event: environments`). */
export const GET = feedRoute(async ({ request, user }) => {
  return new Response(
    sseStream(
      (send) => feed().subscribeAccount(user.id, (list) => send({ event: "environments", data: list })),
      request.signal,
    ),
    {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-store, no-transform",
        "X-Accel-Buffering": "no",
      },
    },
  );
});
