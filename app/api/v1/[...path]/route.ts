import { dispatchV1 } from "@/lib/api-v1/dispatch";

type Context = { params: Promise<{ path: string[] }> };

/** The versioned JSON API for scripts and the CLI: one dispatcher over the operations of lib/api-v1 (docs/automation.md). */
async function handle(request: Request, context: Context): Promise<Response> {
  return dispatchV1(request, (await context.params).path);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const dynamic = "force-dynamic";
