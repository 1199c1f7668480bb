export type ApiErrorDetail = { message: string; fieldErrors: Record<string, string> };

/** The message and field errors of an API error response (`{ error: { message, fieldErrors? } }`, or problem+json). */
export async function readApiErrorDetail(response: Response): Promise<ApiErrorDetail> {
  try {
    const body = (await response.json()) as {
      error?: { message?: unknown; fieldErrors?: unknown };
      detail?: unknown;
      errors?: unknown;
    } | null;
    // /api/v1 answers problem+json: `detail`, and `errors` as [{ field, message }].
    if (typeof body?.detail === "string") {
      const errors = Array.isArray(body.errors) ? (body.errors as { field?: unknown; message?: unknown }[]) : [];
      return {
        message: body.detail,
        fieldErrors: Object.fromEntries(
          errors
            .filter((e) => typeof e.field === "string" && typeof e.message === "string")
            .map((e) => [e.field as string, e.message as string]),
        ),
      };
    }
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
