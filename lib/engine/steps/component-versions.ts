/**
 * What the steps install, in one place (charts, images, versions). The reference package's choices brought
 * up to date; the catalogue decides the user-facing ones (Kubernetes, ingress controller, dashboard).
 */
export const components = {
  containerRuntime: "containerd 2.1.4",
  weave: {
    version: "2.8.1",
    image: "docker.io/weaveworks/weave-kube:2.8.1",
    manifest: "https://reweave.azurewebsites.net/k8s/v1.37/net.yaml",
    ipAllocRange: "10.239.0.0/16",
  },
  coredns: { image: "registry.k8s.io/coredns/coredns:v1.12.4" },
  kubeProxyImage: (version: string) => `registry.k8s.io/kube-proxy:${version}`,
  metricsServer: {
    version: "v0.8.0",
    image: "registry.k8s.io/metrics-server/metrics-server:v0.8.0",
    manifest: "https://github.com/kubernetes-sigs/metrics-server/releases/download/v0.8.0/components.yaml",
  },
  nfsProvisioner: {
    release: "nfs-subdir-external-provisioner",
    chart: "nfs-subdir-external-provisioner/nfs-subdir-external-provisioner",
    repo: "https://kubernetes-sigs.github.io/nfs-subdir-external-provisioner/",
    version: "4.0.18",
    image: "registry.k8s.io/sig-storage/nfs-subdir-external-provisioner:v4.0.2",
    provisioner: "cluster.local/nfs-subdir-external-provisioner",
    replicas: 3,
  },
  storageClassName: "clusterport-nfs",
  nodeProblemDetector: {
    release: "node-problem-detector",
    chart: "deliveryhero/node-problem-detector",
    repo: "https://charts.deliveryhero.io/",
    version: "2.3.14",
    image: "registry.k8s.io/node-problem-detector/node-problem-detector:v0.8.21",
  },
  helloWorld: { image: "paulbouwer/hello-kubernetes:1.10", replicas: 2 },
  prometheus: {
    chart: "prometheus-community/prometheus",
    repo: "https://prometheus-community.github.io/helm-charts",
    version: "27.39.0",
    image: "quay.io/prometheus/prometheus:v3.6.0",
  },
  grafana: {
    chart: "grafana/grafana",
    repo: "https://grafana.github.io/helm-charts",
    version: "10.1.2",
    image: "docker.io/grafana/grafana:12.2.0",
  },
  certManager: {
    chart: "jetstack/cert-manager",
    repo: "https://charts.jetstack.io",
    version: "v1.19.1",
  },
  jaeger: {
    chart: "jaegertracing/jaeger-operator",
    repo: "https://jaegertracing.github.io/helm-charts",
    version: "2.57.0",
    operatorImage: "jaegertracing/jaeger-operator:1.65.0",
    allInOneImage: "jaegertracing/all-in-one:1.65.0",
  },
} as const;

/** "1.37.1" → "v1.37.1", as kubeadm prints versions. */
export function kubeVersion(version: string): string {
  return version.startsWith("v") ? version : `v${version}`;
}
