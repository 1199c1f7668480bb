import type { AppPackage, Category } from "./types";

export const categories: readonly Category[] = [
  { id: "clusters", name: "Clusters", description: "Managed clusters you own, installed in one step." },
];

export const apps: readonly AppPackage[] = [
  {
    id: "kubernetes-cluster",
    name: "Kubernetes Cluster",
    categoryId: "clusters",
    shortDescription:
      "Kubernetes cluster with automated scaling and pay-per-use pricing for running cloud-native microservices.",
    description:
      "A kubeadm-built cluster with your choice of ingress controller and dashboard, optional NFS storage " +
      "(GlusterFS-replicated in production), monitoring, tracing and remote API access.",
    icon: "/icons/kubernetes.svg",
  },
];
