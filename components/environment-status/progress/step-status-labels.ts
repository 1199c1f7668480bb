import type { BadgeTone } from "@/components/ui/badge";
import type { StepView } from "@/lib/live/status-snapshot";

/** Words and badge tone for each step state (the text carries the meaning; the colour only repeats it). */
export const stepStatusLabels: Readonly<Record<StepView["status"], { label: string; tone: BadgeTone }>> = {
  pending: { label: "Pending", tone: "neutral" },
  running: { label: "Running", tone: "info" },
  retrying: { label: "Retrying", tone: "warning" },
  succeeded: { label: "Done", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};
