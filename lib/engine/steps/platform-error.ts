import { permanentError, type StepError } from "@/lib/engine/step-error";

// Said of installs and changes alike: the failure panel names the operation, and offers Retry.
const supportAction = "Retry; if it fails again, contact support with the environment name.";

/** A permanent failure only the platform can fix (a broken precondition the step graph should prevent). */
export function platformError(code: string, message: string, action: string = supportAction): StepError {
  return permanentError(code, message, "platform", action);
}
