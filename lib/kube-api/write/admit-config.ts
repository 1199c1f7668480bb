import { stableJson } from "@/lib/stable-json";
import type { FieldErrors } from "./field-errors";
import { isObject, type Json } from "./json";

const keyPattern = /^[-._a-zA-Z0-9]+$/;
const sizeLimit = 1024 * 1024;
const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function checkKey(errors: FieldErrors, field: string, key: string): void {
  if (key.length > 253 || !keyPattern.test(key) || key === "." || key === "..") {
    errors.invalid(
      field,
      key,
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  }
}

/** A ConfigMap's data and binaryData checked (keys, strings, base64, 1 MiB in all, `immutable` honoured). */
export function admitConfigMap(o: Json, previous: Json | undefined, errors: FieldErrors): Json {
  const out: Json = {};
  let size = 0;
  for (const field of ["data", "binaryData"] as const) {
    const value = o[field];
    if (value === undefined || value === null) continue;
    if (!isObject(value)) {
      errors.invalid(field, value, "must be a map of strings");
      continue;
    }
    for (const [k, v] of Object.entries(value)) {
      checkKey(errors, `${field}[${k}]`, k);
      if (typeof v !== "string") errors.invalid(`${field}[${k}]`, v, "must be a string");
      else if (field === "binaryData" && !base64.test(v))
        errors.invalid(`${field}[${k}]`, "…", "must be base64-encoded");
      else size += k.length + v.length;
      if (field === "binaryData" && isObject(o.data) && k in o.data)
        errors.invalid(`binaryData[${k}]`, k, "duplicate of key present in data");
    }
    out[field] = { ...value };
  }
  if (size > sizeLimit) errors.tooLong("", sizeLimit);
  if (o.immutable !== undefined) out.immutable = o.immutable === true;
  if (previous?.immutable === true) {
    if (
      stableJson(previous.data ?? {}) !== stableJson(out.data ?? {}) ||
      stableJson(previous.binaryData ?? {}) !== stableJson(out.binaryData ?? {})
    ) {
      errors.forbidden("data", "field is immutable when `immutable` is set");
    }
    if (out.immutable !== true) errors.forbidden("immutable", "field is immutable when `immutable` is set");
  }
  return out;
}

const secretRequirements: Record<string, string[]> = {
  "kubernetes.io/tls": ["tls.crt", "tls.key"],
  "kubernetes.io/dockerconfigjson": [".dockerconfigjson"],
  "kubernetes.io/basic-auth": [],
  "kubernetes.io/ssh-auth": ["ssh-privatekey"],
};

/**
 * A Secret's data checked (base64 values, keys, 1 MiB) with stringData folded in (write-only, as in
 * Kubernetes); its type defaults to Opaque and cannot change; typed Secrets need their keys.
 */
export function admitSecret(
  o: Json,
  previous: Json | undefined,
  errors: FieldErrors,
): { fields: Json; data: Record<string, string> } {
  const data: Record<string, string> = {};
  if (o.data !== undefined && o.data !== null) {
    if (!isObject(o.data)) errors.invalid("data", o.data, "must be a map of base64-encoded strings");
    else {
      for (const [k, v] of Object.entries(o.data)) {
        checkKey(errors, `data[${k}]`, k);
        if (typeof v !== "string" || !base64.test(v)) errors.invalid(`data[${k}]`, "…", "must be base64-encoded");
        else data[k] = v;
      }
    }
  }
  if (o.stringData !== undefined && o.stringData !== null) {
    if (!isObject(o.stringData)) errors.invalid("stringData", o.stringData, "must be a map of strings");
    else {
      for (const [k, v] of Object.entries(o.stringData)) {
        checkKey(errors, `stringData[${k}]`, k);
        if (typeof v !== "string") errors.invalid(`stringData[${k}]`, v, "must be a string");
        else data[k] = Buffer.from(v, "utf8").toString("base64");
      }
    }
  }
  const size = Object.entries(data).reduce((n, [k, v]) => n + k.length + (v.length * 3) / 4, 0);
  if (size > 1024 * 1024) errors.tooLong("data", 1024 * 1024);
  const type = o.type ?? previous?.type ?? "Opaque";
  if (typeof type !== "string" || type === "") errors.invalid("type", type, "must be a non-empty string");
  if (previous && type !== (previous.type ?? "Opaque")) errors.invalid("type", type, "field is immutable");
  for (const key of secretRequirements[type as string] ?? []) if (!(key in data)) errors.required(`data[${key}]`);
  if (type === "kubernetes.io/dockerconfigjson" && data[".dockerconfigjson"] !== undefined) {
    try {
      JSON.parse(Buffer.from(data[".dockerconfigjson"], "base64").toString("utf8"));
    } catch {
      errors.invalid("data[.dockerconfigjson]", "<secret contents redacted>", "must be valid JSON");
    }
  }
  const fields: Json = { type };
  if (o.immutable !== undefined) fields.immutable = o.immutable === true;
  if (previous?.immutable === true) errors.forbidden("data", "field is immutable when `immutable` is set");
  return { fields, data };
}
