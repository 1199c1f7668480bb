import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { getEnvironment } from "@/lib/data/get-environment";
import { database } from "@/lib/db/database";
import { findLogLines as findLogLineRecords } from "@/lib/engine";
import { toLogLineView } from "@/lib/live/to-log-line-view";

/**
 * `?after=<n>`: the lines after that line number as JSON (following); `?before=<n>`: the 500 lines before it
 * (reading back). `?format=text`: every line as a downloadable text file.
 */
export const GET = apiRoute<{ name: string }>(async ({ request, user, params }) => {
  const environment = await getEnvironment(user.id, params.name);
  const findLogLines = async (range: Parameters<typeof findLogLineRecords>[2]) =>
    (await findLogLineRecords(database(), environment.id, range)).map(toLogLineView);
  const search = new URL(request.url).searchParams;
  if (search.get("format") === "text") {
    const lines = await findLogLines({ limit: 1_000_000 });
    const text = lines
      .map((l) => `${l.at} ${l.level.toUpperCase().padEnd(5)} ${l.node ?? "-"} ${l.stepKey ?? "-"} ${l.message}`)
      .join("\n");
    return new Response(`${text}\n`, {
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Disposition": `attachment; filename="${environment.name}-install.log"`,
        "Cache-Control": "no-store",
      },
    });
  }
  const before = Number(search.get("before"));
  if (search.has("before") && Number.isSafeInteger(before) && before > 0) {
    return NextResponse.json({ lines: await findLogLines({ before, limit: 500 }) });
  }
  const after = Number(search.get("after") ?? 0);
  return NextResponse.json({
    lines: await findLogLines({ after: Number.isSafeInteger(after) && after > 0 ? after : 0 }),
  });
});
