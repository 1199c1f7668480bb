import { reconcileCluster } from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { ensureCertManager } from "./ensure-cert-manager";
import { requireCni } from "./require-initialised";
import { simOf } from "./sim-of";

/** install-cert-manager (certificate manager) — cert-manager and the Let's Encrypt ClusterIssuers, if missing. */
export const installCertManager: StepHandler = (ctx) => {
  const sim = simOf(ctx);
  requireCni(sim, "install cert-manager");
  ensureCertManager(ctx, sim);
  reconcileCluster(sim);
  return { issuer: "letsencrypt-prod" };
};
