import type { ApplyResult } from "@/lib/engine/sim";

const resources: Readonly<Record<string, string>> = {
  Deployment: "deployment.apps",
  DaemonSet: "daemonset.apps",
  StatefulSet: "statefulset.apps",
  Ingress: "ingress.networking.k8s.io",
  IngressClass: "ingressclass.networking.k8s.io",
  StorageClass: "storageclass.storage.k8s.io",
  ClusterRole: "clusterrole.rbac.authorization.k8s.io",
  ClusterRoleBinding: "clusterrolebinding.rbac.authorization.k8s.io",
  CustomResourceDefinition: "customresourcedefinition.apiextensions.k8s.io",
  APIService: "apiservice.apiregistration.k8s.io",
  ClusterIssuer: "clusterissuer.cert-manager.io",
  Jaeger: "jaeger.jaegertracing.io",
  HelmRelease: "release",
};

/** `deployment.apps/hello-kubernetes`, as kubectl names a resource in its output. */
export function kubectlName(kind: string, name: string): string {
  return `${resources[kind] ?? kind.toLowerCase()}/${name}`;
}

/** `deployment.apps/hello-kubernetes created`. */
export function kubectlLine(kind: string, name: string, result: ApplyResult): string {
  return `${kubectlName(kind, name)} ${result}`;
}
