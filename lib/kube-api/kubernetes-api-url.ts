import { env } from "@/lib/env";

/** Where Clusterport serves a cluster's Kubernetes API: the server its kubeconfig names. */
export function kubernetesApiUrl(environmentId: string): string {
  return `${env().appUrl.replace(/\/$/, "")}/k8s/clusters/${environmentId}`;
}
