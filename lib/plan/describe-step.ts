import { isStepName, type StepName } from "./step-names";

/** What each step does, for tooltips and logs; the per-instance title lives on the PlanStep itself. */
const descriptions: Readonly<Record<StepName, string>> = {
  "prepare-instance": "Installs the node's role scripts and pre-pulls the Kubernetes and Weave Net images.",
  "setup-api-balancer": "Configures HAProxy to forward TCP 6443 to the control planes.",
  "prepare-storage": "Creates the storage node and exports /data over NFS.",
  "create-gluster-volume":
    "Joins the storage nodes into one GlusterFS replicated volume, so /data survives a lost node.",
  "init-main-cplane": "Runs kubeadm init on the first control plane and records the join commands.",
  "init-secondary-cplane": "Joins another control plane (and etcd member) and adds it to the API balancers.",
  "connect-worker": "Joins a worker with kubeadm join and applies its labels.",
  "setup-overlay": "Installs the Weave Net CNI so pods on different nodes can reach each other.",
  "install-nginx": "Installs the ingress-nginx controller as a DaemonSet on host ports 80/443.",
  "install-traefik": "Installs Traefik with its CRDs as a DaemonSet on host ports 80/443.",
  "install-haproxy": "Installs the HAProxy ingress controller as a DaemonSet on host ports 80/443.",
  "install-components":
    "Installs metrics-server, the dashboard and the cluster-admin service account (and node-problem-detector without storage).",
  "helm-components": "Installs the NFS subdir provisioner with the default StorageClass, and node-problem-detector.",
  deploy: "Deploys the hello-world sample, or your Helm chart or manifests.",
  "setup-remote-api": "Routes https://<domain>/api/ to the Kubernetes API through the ingress.",
  "install-cluster-autoscaler":
    "Runs cluster-autoscaler in kube-system with the workers' range: Clusterport adds workers when pods wait for room and removes idle ones.",
  "install-monitoring": "Installs Prometheus and Grafana with cluster dashboards.",
  "install-jaeger": "Installs cert-manager if missing, the Jaeger operator and an all-in-one Jaeger.",
  "install-cert-manager": "Installs cert-manager and the Let's Encrypt ClusterIssuers, if missing.",
  "issue-certificate":
    "Has Let's Encrypt issue a certificate for your domain (HTTP-01 through the ingress) and serves the domain with it.",
  "check-health": "Reads the cluster's state and checks every installed component answers.",
};

/** Undefined for a name that is not a step, so callers can show a raw name rather than crash. */
export function describeStep(name: string): string | undefined {
  return isStepName(name) ? descriptions[name] : undefined;
}
