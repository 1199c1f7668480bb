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
  /** Simulated ms until the next attempt, instead of the engine's backoff (a step that waits for the user). */
  retryInMs?: number;
  /** What to do once the step has given up, when it differs from `action` (which says it is retried). */
  actionIfGivenUp?: string;
};

export class StepError extends Error {
  readonly failure: StepFailure;
  constructor(failure: StepFailure) {
    super(failure.message);
    this.failure = failure;
  }
}

export function transientError(code: string, message: string): StepError {
  return new StepError({
    code,
    message,
    transient: true,
    fixableBy: "platform",
    action: "Nothing to do: the step is retried automatically.",
  });
}

export function permanentError(
  code: string,
  message: string,
  fixableBy: "user" | "platform",
  action: string,
): StepError {
  return new StepError({ code, message, transient: false, fixableBy, action });
}

/**
 * The step waits for something the user does (a DNS record): retried on the step's own schedule (`retryInMs`)
 * until its attempts run out, then failed with `actionIfGivenUp`; the reason shows on the step meanwhile.
 */
export function waitingError(
  code: string,
  message: string,
  opts: { action: string; actionIfGivenUp: string; retryInMs: number },
): StepError {
  return new StepError({ code, message, transient: true, fixableBy: "user", ...opts });
}
