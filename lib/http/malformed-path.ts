/** True when a URL path cannot be percent-decoded (`/environments/%ff`, a lone `%`): no route can mean it. */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export const malformedPathError = {
  error: {
    code: "invalid_path",
    message: "The address contains malformed percent-encoding (such as %ff); check the URL.",
  },
};
