import { operationLabels as typeLabels } from "@/lib/environments/operation-types";
import type { OperationView } from "@/lib/live/status-snapshot";

/** Names for people of operation types and how an operation stands or ended. */
export const operationLabels = {
  type: typeLabels,
  status: {
    queued: "Queued",
    running: "In progress",
    succeeded: "Succeeded",
    failed: "Failed",
    cancelled: "Cancelled",
  },
} as const satisfies {
  type: Record<OperationView["type"], string>;
  status: Record<OperationView["status"], string>;
};
