import type { Addon } from "./types";

export const addons: readonly Addon[] = [
  {
    id: "monitoring",
    name: "Monitoring",
    description: "Prometheus & Grafana with cluster dashboards.",
    requiresStorage: true,
    workloads: [
      { name: "prometheus-server", cpuMillis: 500, memoryMiB: 1024 },
      { name: "prometheus-alertmanager", cpuMillis: 50, memoryMiB: 128 },
      { name: "prometheus-kube-state-metrics", cpuMillis: 100, memoryMiB: 256 },
      { name: "grafana", cpuMillis: 250, memoryMiB: 512 },
    ],
  },
  {
    id: "tracing",
    name: "Tracing",
    description: "Jaeger distributed tracing.",
    requiresStorage: true,
    workloads: [
      { name: "jaeger", cpuMillis: 250, memoryMiB: 512 },
      { name: "jaeger-operator", cpuMillis: 100, memoryMiB: 256 },
    ],
  },
  {
    id: "remoteApi",
    name: "Remote API access",
    description: "Expose the cluster's Kubernetes API to kubectl over HTTPS, with the admin token.",
    requiresStorage: false,
    workloads: [],
  },
];
