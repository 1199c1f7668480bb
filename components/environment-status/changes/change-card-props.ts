import type { OperationView, StatusSnapshot } from "@/lib/live/status-snapshot";
import { changeFailure } from "./change-failure";

/** What every card of the Changes section is given: the cluster as it is, and whether changes are blocked. */
export type ChangeCardProps = { snapshot: StatusSnapshot; disabled: boolean; timeScale: number };

/** Where the newest change failed, when it is one of this card's. */
export function cardFailure(
  snapshot: StatusSnapshot,
  types: readonly OperationView["type"][],
  addonName?: string,
): string | null {
  return changeFailure(snapshot.operations[0], types, addonName);
}
