/** The message of an API error response (`{ error: { message } }`), or a sentence about the status when it has none. */
export async function readApiError(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } } | null;
    const message = body?.error?.message;
    if (typeof message === "string" && message.trim() !== "") return message;
  } catch {
    // not JSON: fall through
  }
  return response.status >= 500
    ? `Something went wrong on our side (HTTP ${response.status}). Try again in a moment.`
    : `The request was refused (HTTP ${response.status}).`;
}
