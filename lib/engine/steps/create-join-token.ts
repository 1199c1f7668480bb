import type { StepHandler } from "@/lib/engine/step-context";
import { bootstrapTokenRef, type BootstrapTokenSpec } from "./bootstrap-token-ref";
import { requireInitialised } from "./require-initialised";
import { secretNames } from "./secret-names";
import { sha256Hex } from "./sha256-hex";
import { simOf } from "./sim-of";

/**
 * create-join-token (scale out) — `kubeadm token create --ttl 1h` on k8sm-1: the install's bootstrap token has
 * expired by the time a cluster grows (kubeadm's live 24 h), so new workers join with a fresh one; the old
 * token's Secret is deleted. A token this operation already created is kept.
 */
export const createJoinToken: StepHandler = (ctx) => {
  const sim = simOf(ctx);
  requireInitialised(sim, "create a join token");
  const current = ctx.secrets.get(secretNames.bootstrapToken);
  const stored = current === undefined ? undefined : sim.objects.get<BootstrapTokenSpec>(bootstrapTokenRef(current));
  if (stored?.spec.createdFor === ctx.operation.id) {
    ctx.log("A join token for this change already exists; nothing to do.");
    return { tokenId: current?.split(".")[0] };
  }
  ctx.log("kubeadm token create --ttl 1h0m0s --usages authentication,signing");
  const token = `${ctx.random.token(6)}.${ctx.random.token(16)}`;
  if (current !== undefined && sim.objects.delete(bootstrapTokenRef(current)))
    ctx.log("Deleted the install's expired bootstrap token");
  const spec: BootstrapTokenSpec = {
    type: "bootstrap.kubernetes.io/token",
    tokenSecretSha256: sha256Hex(token.split(".")[1] ?? ""),
    usages: ["authentication", "signing"],
    createdFor: ctx.operation.id,
  };
  sim.objects.apply({ ...bootstrapTokenRef(token), spec });
  ctx.secrets.put(secretNames.bootstrapToken, token);
  ctx.log(`Created bootstrap token ${token.split(".")[0]}.<REDACTED> (valid 1 h)`);
  return { tokenId: token.split(".")[0] };
};
