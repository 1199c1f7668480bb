/** A Kubernetes `Status` failure, as the real API answers errors: kubectl prints `message`. */
export type KubeStatus = {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure";
  message: string;
  reason: string;
  code: number;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: { reason: string; message: string; field: string }[];
  };
};

export class KubeError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: KubeStatus["details"],
  ) {
    super(message);
  }

  toStatus(): KubeStatus {
    return {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: this.message,
      reason: this.reason,
      code: this.code,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export const unauthorized = (message: string) => new KubeError(401, "Unauthorized", message);
export const forbidden = (message: string) => new KubeError(403, "Forbidden", message);
export const notFound = (message: string, details?: KubeStatus["details"]) =>
  new KubeError(404, "NotFound", message, details);
export const badRequest = (message: string) => new KubeError(400, "BadRequest", message);
export const methodNotAllowed = (message: string) => new KubeError(405, "MethodNotAllowed", message);
export const requestEntityTooLarge = (message: string) => new KubeError(413, "RequestEntityTooLarge", message);
export const unsupportedMediaType = (message: string) => new KubeError(415, "UnsupportedMediaType", message);
/** 422 with reason Invalid: a well-formed request that cannot be carried out, as a failed JSON patch `test`. */
export const invalid = (message: string) => new KubeError(422, "Invalid", message);
