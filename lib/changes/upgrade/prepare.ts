import { nodeGroups } from "@/lib/catalog";
import type { OperationStepSpec } from "@/lib/engine";
import { ConflictError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { upgradeTargets } from "@/lib/plan";
import { prepared, replan, workerIds, type ChangeContext, type PreparedChange } from "../change-context";
import { upgradeSchema } from "./schema";

/**
 * Upgrade Kubernetes to the latest patch of the cluster's minor or to the next minor, never skipping one (kubeadm's
 * rule). Control planes one at a time (the first runs `kubeadm upgrade apply`, the others `kubeadm upgrade node`),
 * then workers one at a time (cordon and drain, upgrade kubeadm and the kubelet, uncordon), so the API and, with
 * two workers or more, the applications keep serving throughout.
 */
export function prepareUpgrade(ctx: ChangeContext, input: unknown): PreparedChange {
  const parsed = upgradeSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues), parsed.error.issues[0]?.message);
  const from = ctx.settings.version;
  const to = parsed.data.version;
  const targets = upgradeTargets(from);
  const offered = [targets.patch, targets.minor].filter((v): v is string => v !== undefined);
  if (offered.length === 0)
    throw new ConflictError(`v${from} is the newest Kubernetes Clusterport offers; there is nothing to upgrade to.`);
  if (!offered.includes(to)) {
    const message =
      to === from
        ? `The cluster already runs v${from}.`
        : `From v${from} the cluster can go to ${offered.map((v) => `v${v}`).join(" or ")}: one minor at a time, never back.`;
    throw new ValidationError({ version: message }, message);
  }
  const settings = { ...ctx.settings, version: to };
  const plan = replan(ctx, settings);
  const controlPlanes = plan.nodeGroups.find((g) => g.id === nodeGroups.controlPlane.id)?.nodes.map((n) => n.id) ?? [];
  const steps: OperationStepSpec[] = [];
  let previous: string | undefined;
  const chain = (key: string, name: string, title: string, stage: string, node: string, estimatedSeconds: number) => {
    steps.push({
      key,
      name,
      title,
      stage,
      node,
      dependsOn: previous === undefined ? [] : [previous],
      estimatedSeconds,
    });
    previous = key;
  };
  for (const node of controlPlanes)
    chain(
      `upgrade-control-plane:${node}`,
      "upgrade-control-plane",
      `Upgrade control plane ${node} to v${to}`,
      "upgrade-control-plane",
      node,
      120,
    );
  for (const node of workerIds(plan))
    chain(`upgrade-worker:${node}`, "upgrade-worker", `Upgrade worker ${node} to v${to}`, "upgrade-workers", node, 90);
  return prepared(ctx, {
    type: "upgrade",
    settings,
    plan,
    steps,
    params: { summary: `upgrades Kubernetes v${from} → v${to}`, from, to },
  });
}
