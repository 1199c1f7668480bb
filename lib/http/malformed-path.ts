/** True when a URL path cannot be percent-decoded (`/environments/%ff`, a lone `%`): no route can mean it. */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * The API's answer to such a path, as API v1 answers every error (RFC 9457). Built here, not by lib/api-v1's
 * `problem`, because the proxy runs before any route and must stay free of the server's modules.
 */
export function malformedPathProblem(appOrigin: string) {
  return {
    type: `${appOrigin}/docs/api#problem-invalid_path`,
    title: "The request has invalid input",
    status: 400,
    detail: "The address contains malformed percent-encoding (such as %ff); check the URL.",
    code: "invalid_path",
  };
}
