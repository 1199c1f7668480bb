import type { StepHandler } from "@/lib/engine/step-context";
import type { StepName } from "@/lib/plan";
import { checkHealth } from "./check-health";
import { cleanupEnvironment } from "./cleanup-environment";
import { connectWorker } from "./connect-worker";
import { createGlusterVolume } from "./create-gluster-volume";
import { deploy } from "./deploy";
import { drainNode } from "./drain-node";
import { helmComponents } from "./helm-components";
import { initMainCplane } from "./init-main-cplane";
import { initSecondaryCplane } from "./init-secondary-cplane";
import { installComponents } from "./install-components";
import { installIngressController } from "./install-ingress-controller";
import { installJaeger } from "./install-jaeger";
import { installMonitoring } from "./install-monitoring";
import { prepareInstance } from "./prepare-instance";
import { prepareStorage } from "./prepare-storage";
import { removeNode } from "./remove-node";
import { setupApiBalancer } from "./setup-api-balancer";
import { setupOverlay } from "./setup-overlay";
import { setupRemoteApi } from "./setup-remote-api";

/** Teardown steps; the engine builds their graph (buildTeardownSteps). */
export const teardownStepNames = ["drain-node", "remove-node", "cleanup-environment"] as const;
export type TeardownStepName = (typeof teardownStepNames)[number];

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
  "check-health": checkHealth,
};

const teardownHandlers: Record<TeardownStepName, StepHandler> = {
  "drain-node": drainNode,
  "remove-node": removeNode,
  "cleanup-environment": cleanupEnvironment,
};

/**
 * Every step handler, keyed by STEP NAME (the part of the key before ":"; the node is ctx.step.node). Each runs
 * synchronously inside the transaction that records the step, checks the model before acting (running it
 * again changes nothing), and throws StepError (see lib/engine/step-error.ts) for classified failures.
 */
export const stepHandlers: Record<string, StepHandler> = { ...installHandlers, ...teardownHandlers };

export { secretNames, type SecretName } from "./secret-names";
export { inspectClusterHealth } from "./inspect-cluster-health";
