import type { IngressController } from "@/lib/catalog";

export type IngressControllerWorkload = {
  daemonSet: string;
  service: string;
  /** IngressClass name; ingresses of every other step use it. */
  ingressClass: string;
  controller: string;
  image: string;
  install: string;
  crds: string[];
  defaultBackend?: { name: string; image: string };
  /** Annotations of the /api ingress (TLS to the API server, /api prefix stripped). */
  apiAnnotations: Record<string, string>;
};

/** How each catalogue controller is deployed: a DaemonSet with host ports 80/443 on the workers. */
export function ingressControllerWorkload(controller: IngressController): IngressControllerWorkload {
  const v = controller.version;
  switch (controller.id) {
    case "traefik":
      return {
        daemonSet: "traefik",
        service: "traefik",
        ingressClass: "traefik",
        controller: "traefik.io/ingress-controller",
        image: `docker.io/traefik:v${v}`,
        install: `kubectl apply -f addons/ingress/traefik/ (Traefik v${v}, CRDs, RBAC, IngressClass)`,
        crds: ["ingressroutes.traefik.io", "middlewares.traefik.io", "serverstransports.traefik.io"],
        apiAnnotations: {
          "traefik.ingress.kubernetes.io/router.middlewares": "default-strip-api@kubernetescrd",
          "traefik.ingress.kubernetes.io/service.serversscheme": "https",
        },
      };
    case "haproxy":
      return {
        daemonSet: "haproxy-kubernetes-ingress",
        service: "haproxy-kubernetes-ingress",
        ingressClass: "haproxy",
        controller: "haproxy.org/ingress-controller/haproxy",
        image: `docker.io/haproxytech/kubernetes-ingress:${v}`,
        install: `kubectl apply -f addons/ingress/haproxy/ (haproxytech/kubernetes-ingress ${v}, host ports 80/443/1024)`,
        crds: [],
        defaultBackend: {
          name: "haproxy-kubernetes-ingress-default-backend",
          image: "docker.io/haproxytech/default-backend:1.1",
        },
        apiAnnotations: { "haproxy.org/server-ssl": "true", "haproxy.org/path-rewrite": "/api/(.*) /\\1" },
      };
    default:
      return {
        daemonSet: "ingress-nginx-controller",
        service: "ingress-nginx-controller",
        ingressClass: "nginx",
        controller: "k8s.io/ingress-nginx",
        image: `registry.k8s.io/ingress-nginx/controller:v${v}`,
        install: `kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v${v}/deploy/static/provider/baremetal/deploy.yaml`,
        crds: [],
        apiAnnotations: {
          "nginx.ingress.kubernetes.io/backend-protocol": "HTTPS",
          "nginx.ingress.kubernetes.io/rewrite-target": "/$2",
        },
      };
  }
}
