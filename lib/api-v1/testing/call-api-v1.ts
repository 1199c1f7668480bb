/** An API v1 answer as a test reads it: JSON parsed, anything else as text, null when empty. */
export type ApiV1Answer = { status: number; headers: Headers; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are read by path

/**
 * One API v1 call with a bearer token, straight into the dispatcher, as a script would make it over HTTP. The
 * dispatcher is imported on first use, after the test has set the environment it reads (useAppDatabase).
 */
export async function callApiV1(method: string, path: string, token: string, body?: unknown): Promise<ApiV1Answer> {
  const { dispatchV1 } = await import("../dispatch");
  const url = new URL(`http://clusterport.test/api/v1${path}`);
  const request = new Request(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const response = await dispatchV1(request, url.pathname.split("/").slice(3).filter(Boolean));
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    headers: response.headers,
    body: type.includes("json") && text ? JSON.parse(text) : text || null,
  };
}
