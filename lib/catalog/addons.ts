import type { Addon } from "./types";

export const addons: readonly Addon[] = [
  {
    id: "monitoring",
    name: "Monitoring",
    description: "Prometheus & Grafana with cluster dashboards.",
    requiresStorage: true,
  },
  { id: "tracing", name: "Tracing", description: "Jaeger distributed tracing.", requiresStorage: true },
  {
    id: "remoteApi",
    name: "Remote API access",
    description: "Expose the Kubernetes API at https://<domain>/api/ for kubectl.",
    requiresStorage: false,
  },
];
