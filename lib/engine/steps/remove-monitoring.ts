import type { StepHandler } from "@/lib/engine/step-context";
import { monitoringNamespace } from "./install-monitoring";
import { removeNamespace } from "./remove-addon-objects";
import { secretNames } from "./secret-names";
import { simOf } from "./sim-of";

/** remove-monitoring — uninstalls Prometheus and Grafana with their namespace, data and Grafana password. */
export const removeMonitoring: StepHandler = (ctx) => {
  const deleted = removeNamespace(ctx, simOf(ctx), monitoringNamespace, ["prometheus", "grafana"]);
  ctx.secrets.delete(secretNames.grafanaPassword);
  return { objectsDeleted: deleted };
};
