import type { Dashboard } from "@/lib/catalog";

export type DashboardWorkload = {
  /** Helm release, or a manifest applied with kubectl. */
  install: { kind: "helm"; release: string; chart: string; repo: string } | { kind: "manifest"; url: string };
  deployments: { name: string; image: string }[];
  /** The Service the /kubernetes-dashboard/ ingress routes to, and the deployment whose pods it selects. */
  service: { name: string; port: number; selects: string };
};

/** How each catalogue dashboard is deployed in its namespace. */
export function dashboardWorkload(dashboard: Dashboard): DashboardWorkload {
  const v = dashboard.version;
  switch (dashboard.id) {
    case "kubernetes-dashboard":
      return {
        install: {
          kind: "helm",
          release: "kubernetes-dashboard",
          chart: "kubernetes-dashboard/kubernetes-dashboard",
          repo: "https://kubernetes.github.io/dashboard/",
        },
        deployments: [
          { name: "kubernetes-dashboard-web", image: "docker.io/kubernetesui/dashboard-web:1.7.0" },
          { name: "kubernetes-dashboard-api", image: "docker.io/kubernetesui/dashboard-api:1.14.0" },
          {
            name: "kubernetes-dashboard-metrics-scraper",
            image: "docker.io/kubernetesui/dashboard-metrics-scraper:1.2.2",
          },
          { name: "kubernetes-dashboard-kong", image: "docker.io/library/kong:3.9" },
        ],
        service: { name: "kubernetes-dashboard-kong-proxy", port: 443, selects: "kubernetes-dashboard-kong" },
      };
    case "skooner":
      return {
        install: {
          kind: "manifest",
          url: "https://raw.githubusercontent.com/skooner-k8s/skooner/master/kubernetes-skooner.yaml",
        },
        deployments: [{ name: "skooner", image: "ghcr.io/skooner-k8s/skooner:stable" }],
        service: { name: "skooner", port: 80, selects: "skooner" },
      };
    default:
      return {
        install: {
          kind: "helm",
          release: "headlamp",
          chart: "headlamp/headlamp",
          repo: "https://kubernetes-sigs.github.io/headlamp/",
        },
        deployments: [{ name: "headlamp", image: `ghcr.io/headlamp-k8s/headlamp:v${v}` }],
        service: { name: "headlamp", port: 80, selects: "headlamp" },
      };
  }
}

export const dashboardIngressName = "kubernetes-dashboard";
export const dashboardPath = "/kubernetes-dashboard/";
