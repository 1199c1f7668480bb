import { readApiErrorDetail, type ApiErrorDetail } from "@/lib/api-v1/read-api-error";

export type ApiResult<T> = { ok: true; body: T } | { ok: false; error: ApiErrorDetail };

/** Calls /api/v1 with the browser's session; an error comes back in words (problem+json detail and field errors). */
export async function callApi<T>(
  path: string,
  init: { method?: "GET" | "POST" | "PATCH" | "DELETE"; body?: unknown } = {},
): Promise<ApiResult<T>> {
  try {
    const response = await fetch(`/api/v1${path}`, {
      method: init.method ?? "GET",
      cache: "no-store",
      ...(init.body !== undefined
        ? { headers: { "content-type": "application/json" }, body: JSON.stringify(init.body) }
        : {}),
    });
    if (!response.ok) return { ok: false, error: await readApiErrorDetail(response) };
    return { ok: true, body: (response.status === 204 ? null : await response.json()) as T };
  } catch {
    return {
      ok: false,
      error: { message: "Could not reach Clusterport. Check your connection and try again.", fieldErrors: {} },
    };
  }
}
