import { operationLabels } from "@/lib/environments/operation-types";
import type { OperationView } from "@/lib/live/status-snapshot";

/**
 * The line a card shows when the newest operation is its change and failed: by type, and for add-on changes
 * only on the card of the add-on the change named. Null otherwise.
 */
export function changeFailure(
  newest: OperationView | undefined,
  types: readonly OperationView["type"][],
  addonName?: string,
): string | null {
  if (!newest || newest.status !== "failed" || !newest.error || !types.includes(newest.type)) return null;
  if (addonName !== undefined && !(newest.summary ?? "").includes(addonName)) return null;
  return `${operationLabels[newest.type]} failed at “${newest.error.stepTitle}”: retry it${newest.canRollBack ? " or roll it back" : ""} (above).`;
}
