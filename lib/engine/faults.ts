import { z } from "zod";

/**
 * Fault injection for tests and demos, set per environment (environment.faults):
 * - transientFailureRate: probability that any step attempt fails with a transient error (healed by retry);
 * - named faults, each a realistic permanent problem in one place of the install. A named fault stays until
 *   the operation fails on it; Retry clears it, standing for "the platform fixed the cause".
 */
export const namedFaults = {
  "worker-never-joins":
    "A worker never joins: its kubelet cannot reach the API server (cp-1 at install, every new worker when scaling out).",
  "registry-pull-error": "Pulling the dashboard image fails (registry answers 503).",
  "storage-volume-error": "The NFS/GlusterFS volume cannot be created on the storage nodes.",
  "health-check-fails": "The ingress does not answer the health check.",
  "drain-blocked": "Draining a worker is blocked: evicting a pod would violate its PodDisruptionBudget.",
  "nfs-mount-fails": "Mounting the new storage on a node times out.",
  "kubelet-upgrade-fails": "A worker's kubelet does not come back after a Kubernetes upgrade.",
  "helm-uninstall-fails": "Uninstalling an add-on's Helm release times out.",
  "registry-login-fails": "The container registry refuses the login with the credentials given.",
  "acme-challenge-fails":
    "Let's Encrypt cannot reach the certificate's HTTP-01 challenge (the domain points elsewhere).",
} as const;

export type NamedFault = keyof typeof namedFaults;

export const faultsSchema = z.object({
  transientFailureRate: z.number().min(0).max(0.9).default(0),
  named: z.array(z.enum(Object.keys(namedFaults) as [NamedFault, ...NamedFault[]])).default([]),
});

export type Faults = z.infer<typeof faultsSchema>;

/** The stored faults (a JSON value); anything unreadable means none. */
export function parseFaults(value: unknown): Faults {
  const parsed = faultsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : { transientFailureRate: 0, named: [] };
}
