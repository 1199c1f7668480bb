import type { StepHandler } from "@/lib/engine/step-context";
import { jaegerNamespace } from "./install-jaeger";
import { removeNamespace } from "./remove-addon-objects";
import { secretNames } from "./secret-names";
import { simOf } from "./sim-of";

/**
 * remove-jaeger — uninstalls the Jaeger operator and instance with their namespace, traces and UI password.
 * cert-manager, installed alongside, stays: it is cluster infrastructure that other certificates may use.
 */
export const removeJaeger: StepHandler = (ctx) => {
  const deleted = removeNamespace(ctx, simOf(ctx), jaegerNamespace, ["jaeger-operator"]);
  ctx.secrets.delete(secretNames.jaegerPassword);
  if (deleted > 0) ctx.log("cert-manager stays installed (cluster infrastructure for certificates)");
  return { objectsDeleted: deleted };
};
