import type { IngressController } from "./types";

/** Each runs as a DaemonSet with host ports 80/443 on the workers, as in the reference package. */
export const ingressControllers: readonly IngressController[] = [
  {
    id: "nginx",
    name: "NGINX",
    version: "1.14.1",
    namespace: "ingress-nginx",
    installStep: "install-nginx",
    description: "ingress-nginx controller.",
  },
  {
    id: "traefik",
    name: "Traefik",
    version: "3.5.3",
    namespace: "ingress-traefik",
    installStep: "install-traefik",
    description: "Traefik proxy with its CRDs.",
  },
  {
    id: "haproxy",
    name: "HAProxy",
    version: "3.1.11",
    namespace: "haproxy-controller",
    installStep: "install-haproxy",
    description: "HAProxy Kubernetes ingress controller.",
  },
];
