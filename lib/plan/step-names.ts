/**
 * Every step an install can contain, named as the actions of the reference package so logs, keys and
 * documentation line up. The engine dispatches on these names; a step key is the name, plus `:<node id>`
 * for steps fanned out per node.
 */
export const stepNames = [
  "prepare-instance",
  "setup-api-balancer",
  "prepare-storage",
  "create-gluster-volume",
  "init-main-cplane",
  "init-secondary-cplane",
  "connect-worker",
  "setup-overlay",
  "install-nginx",
  "install-traefik",
  "install-haproxy",
  "install-components",
  "helm-components",
  "deploy",
  "setup-remote-api",
  "install-monitoring",
  "install-jaeger",
  "install-cert-manager",
  "issue-certificate",
  "install-cluster-autoscaler",
  "check-health",
] as const;

export type StepName = (typeof stepNames)[number];

export function isStepName(value: string): value is StepName {
  return (stepNames as readonly string[]).includes(value);
}
