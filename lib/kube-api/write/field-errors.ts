import { KubeError } from "../kube-status";

export type Cause = { reason: string; message: string; field: string };

/** How the API server prints a rejected value: strings quoted, the rest as JSON. */
const shown = (value: unknown) =>
  typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? "null");

/** Field errors collected while an object is validated, worded as the real API server words them. */
export class FieldErrors {
  readonly causes: Cause[] = [];

  required(field: string, detail?: string): void {
    this.causes.push({
      reason: "FieldValueRequired",
      message: detail ? `Required value: ${detail}` : "Required value",
      field,
    });
  }

  invalid(field: string, value: unknown, detail: string): void {
    this.causes.push({ reason: "FieldValueInvalid", message: `Invalid value: ${shown(value)}: ${detail}`, field });
  }

  notSupported(field: string, value: unknown, supported: readonly string[]): void {
    this.causes.push({
      reason: "FieldValueNotSupported",
      message: `Unsupported value: ${shown(value)}: supported values: ${supported.map((s) => `"${s}"`).join(", ")}`,
      field,
    });
  }

  duplicate(field: string, value: unknown): void {
    this.causes.push({ reason: "FieldValueDuplicate", message: `Duplicate value: ${shown(value)}`, field });
  }

  tooLong(field: string, max: number): void {
    this.causes.push({ reason: "FieldValueTooLong", message: `Too long: may not be more than ${max} bytes`, field });
  }

  forbidden(field: string, detail: string): void {
    this.causes.push({ reason: "FieldValueForbidden", message: `Forbidden: ${detail}`, field });
  }

  /** Throws 422 Invalid — `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: …` — when any were found. */
  throwIfAny(kind: string, group: string, name: string): void {
    if (this.causes.length === 0) return;
    const listed = this.causes.map((c) => `${c.field}: ${c.message}`);
    const qualified = group ? `${kind}.${group}` : kind;
    throw new KubeError(
      422,
      "Invalid",
      `${qualified} "${name}" is invalid: ${listed.length === 1 ? listed[0] : `[${listed.join(", ")}]`}`,
      {
        name,
        ...(group ? { group } : {}),
        kind,
        causes: this.causes,
      },
    );
  }
}
