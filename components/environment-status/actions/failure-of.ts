import type { OperationView, StepView } from "@/lib/live/status-snapshot";

export type Failure = NonNullable<OperationView["error"]>;

/**
 * What the failure panel explains: the operation's recorded error, else (older records) the first failed
 * step's own error; null when the operation did not fail.
 */
export function failureOf(operation: OperationView | undefined, steps: readonly StepView[]): Failure | null {
  if (!operation || operation.status !== "failed") return null;
  if (operation.error) return operation.error;
  const step = steps.find((s) => s.status === "failed" && s.error !== null);
  if (!step?.error) return null;
  return {
    stepKey: step.key,
    stepTitle: step.title,
    code: "",
    message: step.error.message,
    fixableBy: step.error.fixableBy,
    action: step.error.action,
  };
}
