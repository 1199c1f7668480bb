import { database } from "@/lib/db/database";
import { env } from "@/lib/env";
import { handleKubeRequest } from "@/lib/kube-api/handle-kube-request";

type Context = { params: Promise<{ id: string; path?: string[] }> };

/**
 * Each simulated cluster's Kubernetes API, at the server its kubeconfig names. Authenticated by the cluster's
 * own admin token, not a Clusterport session (lib/kube-api).
 */
async function handle(request: Request, context: Context): Promise<Response> {
  const { id, path } = await context.params;
  return handleKubeRequest(database(), env().encryptionKey, id, path ?? [], request);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const dynamic = "force-dynamic";
