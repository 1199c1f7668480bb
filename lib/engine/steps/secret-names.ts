/** Names under which handlers store environment secrets (environment_secret, encrypted). Never logged. */
export const secretNames = {
  /** kubeadm bootstrap token `[a-z0-9]{6}.[a-z0-9]{16}`, written by init-main-cplane, read by every join. */
  bootstrapToken: "bootstrap-token",
  /** Long-lived bearer token of kube-system/fulladmin (cluster-admin), written by install-components. */
  adminToken: "admin-token",
  /** Grafana `admin` password, written by install-monitoring. */
  grafanaPassword: "grafana-password",
  /** Jaeger UI `admin` password, written by install-jaeger. */
  jaegerPassword: "jaeger-password",
  /** Registry credentials as JSON { registry, username, password, email }, written with the change request. */
  registryCredentials: "registry-credentials",
} as const;

export type SecretName = (typeof secretNames)[keyof typeof secretNames];
