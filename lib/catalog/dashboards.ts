import type { Dashboard } from "./types";

export const dashboards: readonly Dashboard[] = [
  {
    id: "headlamp",
    name: "Headlamp",
    version: "0.38.0",
    namespace: "headlamp",
    description: "Extensible web UI from Kubernetes SIG UI.",
  },
  {
    id: "kubernetes-dashboard",
    name: "Kubernetes Dashboard",
    version: "7.14.0",
    namespace: "kubernetes-dashboard",
    description: "The classic general-purpose web UI.",
  },
  {
    id: "skooner",
    name: "Skooner",
    version: "0.2.0",
    namespace: "kubernetes-skooner",
    description: "Lightweight real-time dashboard.",
  },
];
