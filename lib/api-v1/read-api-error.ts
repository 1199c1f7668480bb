export type ApiErrorDetail = { message: string; fieldErrors: Record<string, string> };

/** The message and field errors of an API v1 error (problem+json: `detail`, and `errors` as [{ field, message }]). */
export async function readApiErrorDetail(response: Response): Promise<ApiErrorDetail> {
  try {
    const body = (await response.json()) as { detail?: unknown; errors?: unknown } | null;
    if (typeof body?.detail === "string" && body.detail.trim() !== "") {
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
