/** Exit codes scripts can rely on; `clusterport --help` and the README list them. */
export const exitCodes = {
  ok: 0,
  /** The operation ran and failed (e.g. an install ended failed). */
  failed: 1,
  /** Bad usage, or input refused before or by the server (400). */
  usage: 2,
  /** 401 or 403: not logged in, a token that is not valid, or one that may not do this. */
  auth: 3,
  notFound: 4,
  /** 409 or 422: the environment's state or the name does not allow it now. */
  conflict: 5,
  /** No answer from the server, an answer that is not Clusterport's API, or a 5xx. */
  unreachable: 6,
  /** 429 again after waiting Retry-After once. */
  rateLimited: 7,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** The exit code of an API error answer. */
export function exitCodeForStatus(status: number): ExitCode {
  if (status === 401 || status === 403) return exitCodes.auth;
  if (status === 404) return exitCodes.notFound;
  if (status === 409 || status === 422) return exitCodes.conflict;
  if (status === 429) return exitCodes.rateLimited;
  if (status >= 500) return exitCodes.unreachable;
  if (status === 400 || status === 413 || status === 415) return exitCodes.usage;
  return exitCodes.failed;
}

export const exitCodesHelp = `
Exit codes:
  0  success
  1  the operation failed (e.g. the install ended failed)
  2  usage or validation error (found locally, or the server's 400), or a --preview that breaks a quota
  3  not authenticated or forbidden (401/403): run \`clusterport login\`; changes need a Read and write token
  4  not found (404)
  5  conflict (409/422): the environment's state or name does not allow it now
  6  network error, server unreachable, not a Clusterport server, or a server error (5xx)
  7  rate limited (429), after waiting Retry-After once and retrying`;
