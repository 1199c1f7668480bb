import { getEnvironment } from "@/lib/data/get-environment";
import { feedRoute } from "@/lib/http/feed-route";
import { feed } from "@/lib/live/feed";
import { sseStream } from "@/lib/live/sse-stream";

export const dynamic = "force-dynamic";

/** Live feed of one environment (Server-Sent Events; see lib/live/status-snapshot.ts for the messages). */
export const GET = feedRoute<{ name: string }>(async ({ request, user, params }) => {
  const environment = await getEnvironment(user.id, params.name);
  const resumeFrom = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  const after = resumeFrom !== null && /^\d+$/.test(resumeFrom) ? Number(resumeFrom) : undefined;
  return new Response(
    sseStream((send) => feed().subscribe(environment.id, after, send), request.signal),
    {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-store, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
      },
    },
  );
});
