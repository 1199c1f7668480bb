export type ApiErrorDetail = { message: string; fieldErrors: Record<string, string> };

/** The message and field errors of an API error response (`{ error: { message, fieldErrors? } }`). */
export async function readApiErrorDetail(response: Response): Promise<ApiErrorDetail> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown; fieldErrors?: unknown } } | null;
    const message = body?.error?.message;
    const fields = body?.error?.fieldErrors;
    const fieldErrors =
      typeof fields === "object" && fields !== null
        ? Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === "string"))
        : {};
    if (typeof message === "string" && message.trim() !== "") return { message, fieldErrors };
  } catch {
    // not JSON: fall through
  }
  return {
    message:
      response.status >= 500
        ? `Something went wrong on our side (HTTP ${response.status}). Try again in a moment.`
        : `The request was refused (HTTP ${response.status}).`,
    fieldErrors: {},
  };
}

/** The message of an API error response, or a sentence about the status when it has none. */
export async function readApiError(response: Response): Promise<string> {
  return (await readApiErrorDetail(response)).message;
}
