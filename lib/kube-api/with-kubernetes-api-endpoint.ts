import type { Endpoints } from "@/lib/plan";
import { kubernetesApiUrl } from "./kubernetes-api-url";

/**
 * An environment's endpoints as people and scripts see them: the plan marks Remote API access with a placeholder
 * on the cluster's own domain (it is pure and knows neither APP_URL nor the environment's id, and plans stored
 * before this change say `https://<domain>/api/`), so the address kubectl really uses replaces it on every read.
 */
export function withKubernetesApiEndpoint<T extends Endpoints | null | undefined>(
  endpoints: T,
  environmentId: string,
  appUrl?: string,
): T {
  if (!endpoints?.remoteApi) return endpoints;
  return { ...endpoints, remoteApi: kubernetesApiUrl(environmentId, appUrl) };
}
