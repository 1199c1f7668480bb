/**
 * A step failure, classified (house rule 8): transient failures are retried with backoff; permanent ones stop
 * the operation and say who can fix them and what to do.
 */
export type StepFailure = {
  code: string;
  message: string;
  transient: boolean;
  fixableBy: "user" | "platform";
  action: string;
};

export class StepError extends Error {
  readonly failure: StepFailure;
  constructor(failure: StepFailure) {
    super(failure.message);
    this.failure = failure;
  }
}

export function transientError(code: string, message: string): StepError {
  return new StepError({ code, message, transient: true, fixableBy: "platform", action: "Nothing to do: the step is retried automatically." });
}

export function permanentError(code: string, message: string, fixableBy: "user" | "platform", action: string): StepError {
  return new StepError({ code, message, transient: false, fixableBy, action });
}
