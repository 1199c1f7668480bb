import type { Endpoints } from "@/lib/plan";

/** The endpoints the page lists, in this order, with their names for people. */
export const endpointLabels: readonly { key: keyof Endpoints; label: string }[] = [
  { key: "cluster", label: "Cluster" },
  { key: "apiServer", label: "API server" },
  { key: "dashboard", label: "Dashboard" },
  { key: "remoteApi", label: "Remote API" },
  { key: "grafana", label: "Grafana" },
  { key: "prometheus", label: "Prometheus" },
  { key: "jaeger", label: "Jaeger" },
  { key: "custom", label: "Your domain" },
];
