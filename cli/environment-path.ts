/** An environment's API path; the name is the user's, so it is encoded. */
export const environmentPath = (name: string, rest = "") => `/environments/${encodeURIComponent(name)}${rest}`;
