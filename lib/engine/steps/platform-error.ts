import { permanentError, type StepError } from "@/lib/engine/step-error";

export const supportAction = "Retry the install; if it fails again, contact support with the environment name.";

/** A permanent failure only the platform can fix (a broken precondition the step graph should prevent). */
export function platformError(code: string, message: string, action: string = supportAction): StepError {
  return permanentError(code, message, "platform", action);
}
