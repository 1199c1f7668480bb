import type { StepHandler } from "@/lib/engine/step-context";
import type { StepName } from "@/lib/plan";
import { applyRegistryCredentials } from "./apply-registry-credentials";
import { checkHealth } from "./check-health";
import { cleanupEnvironment } from "./cleanup-environment";
import { connectWorker } from "./connect-worker";
import { createGlusterVolume } from "./create-gluster-volume";
import { createJoinToken } from "./create-join-token";
import { deploy } from "./deploy";
import { drainNode } from "./drain-node";
import { helmComponents } from "./helm-components";
import { initMainCplane } from "./init-main-cplane";
import { initSecondaryCplane } from "./init-secondary-cplane";
import { installCertManager } from "./install-cert-manager";
import { installClusterAutoscaler, removeClusterAutoscaler } from "./install-cluster-autoscaler";
import { installComponents } from "./install-components";
import { installIngressController } from "./install-ingress-controller";
import { installJaeger } from "./install-jaeger";
import { installMonitoring } from "./install-monitoring";
import { issueCertificate } from "./issue-certificate";
import { mountStorage } from "./mount-storage";
import { prepareInstance } from "./prepare-instance";
import { prepareStorage } from "./prepare-storage";
import { removeCertificate } from "./remove-certificate";
import { removeJaeger } from "./remove-jaeger";
import { removeMonitoring } from "./remove-monitoring";
import { removeNode } from "./remove-node";
import { removeRegistryCredentials } from "./remove-registry-credentials";
import { removeRemoteApi } from "./remove-remote-api";
import { setupApiBalancer } from "./setup-api-balancer";
import { setupOverlay } from "./setup-overlay";
import { setupRemoteApi } from "./setup-remote-api";
import { upgradeControlPlane } from "./upgrade-control-plane";
import { upgradeWorker } from "./upgrade-worker";

/** Day-2 steps beside the install's and teardown's (lib/changes builds their graphs). */
export type ChangeStepName =
  | "create-join-token"
  | "upgrade-control-plane"
  | "upgrade-worker"
  | "mount-storage"
  | "remove-monitoring"
  | "remove-jaeger"
  | "remove-remote-api"
  | "remove-certificate"
  | "apply-registry-credentials"
  | "remove-registry-credentials"
  | "remove-cluster-autoscaler";

/** Teardown steps; the engine builds their graph (buildTeardownSteps). */
export type TeardownStepName = "drain-node" | "remove-node" | "cleanup-environment";

const installHandlers: Record<StepName, StepHandler> = {
  "prepare-instance": prepareInstance,
  "setup-api-balancer": setupApiBalancer,
  "prepare-storage": prepareStorage,
  "create-gluster-volume": createGlusterVolume,
  "init-main-cplane": initMainCplane,
  "init-secondary-cplane": initSecondaryCplane,
  "connect-worker": connectWorker,
  "setup-overlay": setupOverlay,
  "install-nginx": installIngressController,
  "install-traefik": installIngressController,
  "install-haproxy": installIngressController,
  "install-components": installComponents,
  "helm-components": helmComponents,
  deploy,
  "setup-remote-api": setupRemoteApi,
  "install-monitoring": installMonitoring,
  "install-jaeger": installJaeger,
  "install-cert-manager": installCertManager,
  "issue-certificate": issueCertificate,
  "install-cluster-autoscaler": installClusterAutoscaler,
  "check-health": checkHealth,
};

const teardownHandlers: Record<TeardownStepName, StepHandler> = {
  "drain-node": drainNode,
  "remove-node": removeNode,
  "cleanup-environment": cleanupEnvironment,
};

const changeHandlers: Record<ChangeStepName, StepHandler> = {
  "create-join-token": createJoinToken,
  "upgrade-control-plane": upgradeControlPlane,
  "upgrade-worker": upgradeWorker,
  "mount-storage": mountStorage,
  "remove-monitoring": removeMonitoring,
  "remove-jaeger": removeJaeger,
  "remove-remote-api": removeRemoteApi,
  "remove-certificate": removeCertificate,
  "apply-registry-credentials": applyRegistryCredentials,
  "remove-registry-credentials": removeRegistryCredentials,
  "remove-cluster-autoscaler": removeClusterAutoscaler,
};

/**
 * Every step handler, keyed by STEP NAME (the part of the key before ":"; the node is ctx.step.node). Each runs
 * synchronously inside the transaction that records the step, checks the model before acting (running it
 * again changes nothing), and throws StepError (see lib/engine/step-error.ts) for classified failures.
 */
export const stepHandlers: Record<string, StepHandler> = { ...installHandlers, ...changeHandlers, ...teardownHandlers };

export type { SecretName } from "./secret-names";
