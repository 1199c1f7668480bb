import { database } from "@/lib/db/database";
import { env } from "@/lib/env";
import { handleKubeRequest } from "@/lib/kube-api/handle-kube-request";
import { feed } from "@/lib/live/feed";

type Context = { params: Promise<{ id: string; path?: string[] }> };

/**
 * Each simulated cluster's Kubernetes API, at the server its kubeconfig names. Authenticated by the cluster's
 * own admin token, not a Clusterport session (lib/kube-api).
 */
async function handle(request: Request, context: Context): Promise<Response> {
  const { id, path } = await context.params;
  const deps = {
    pool: database(),
    encryptionKey: env().encryptionKey,
    // Watches follow the environment through the process's live feed (its LISTEN connection), told of each
    // change without the status page's snapshot: they read the cluster themselves, one shared read per change.
    subscribe: (environmentId: string, onChange: () => void) => feed().subscribeChanges(environmentId, onChange),
  };
  return handleKubeRequest(deps, id, path ?? [], request);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const dynamic = "force-dynamic";
