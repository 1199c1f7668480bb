import protobuf from "protobufjs/light";
import { KubeError, badRequest, requestEntityTooLarge } from "../kube-status";
import { maxProtobufValues } from "../write/body-limits";
import { kubeProtoMessages } from "./kube-proto-schema";

/** The media type of Kubernetes' protobuf encoding; client-go's typed clients (kubectl create deployment, …) send it. */
export const kubeProtobufMediaType = "application/vnd.kubernetes.protobuf";

/** Every protobuf body starts with these 4 bytes, `k8s\0`, then a `runtime.Unknown` message. */
const magic = [0x6b, 0x38, 0x73, 0x00] as const;

/** The message a body's `apiVersion` and `kind` name; DeleteOptions comes under any group version (client-go sends it under the resource's). */
function messageFor(apiVersion: string, kind: string): string | undefined {
  if (kind === "DeleteOptions") return "DeleteOptions";
  return servedKinds.get(`${apiVersion}/${kind}`);
}

const servedKinds = new Map([
  ["v1/Namespace", "Namespace"],
  ["v1/ConfigMap", "ConfigMap"],
  ["v1/Secret", "Secret"],
  ["v1/Service", "Service"],
  ["apps/v1/Deployment", "Deployment"],
  ["networking.k8s.io/v1/Ingress", "Ingress"],
  ["autoscaling/v1/Scale", "Scale"],
]);

type Scalar = "string" | "int32" | "int64" | "bool" | "bytes";
type FieldSpec = {
  name: string;
  id: number;
  /** A scalar, or the name of a message in kubeProtoMessages. */
  type: string;
  repeated: boolean;
  map: boolean;
  /** A zero value on the wire is kept (a Go pointer, or a field without omitempty). */
  keepZero: boolean;
  inline: boolean;
};
type Schema = { root: protobuf.Root; fields: Map<string, FieldSpec[]> };

const scalars = new Set<string>(["string", "int32", "int64", "bool", "bytes"]);

let cached: Schema | undefined;

/**
 * The schema, built once per process on the first protobuf body, from kube-proto-schema.ts — no .proto text to
 * parse. protobufjs then compiles each message's decoder when a body first reaches it: the first Deployment takes
 * some 60–80 ms on a 2-core machine in all, later ones about 0.1 ms.
 */
function schema(): Schema {
  if (cached) return cached;
  const fields = new Map<string, FieldSpec[]>();
  const nested: Record<string, protobuf.IType> = {};
  for (const [message, specs] of Object.entries(kubeProtoMessages)) {
    const parsed = Object.entries(specs).map(([name, spec]) => parseField(message, name, spec));
    fields.set(message, parsed);
    nested[message] = {
      // proto2, as Kubernetes' files are: a field on the wire is told from one left out (protobufjs reads a JSON
      // descriptor as proto3 unless told, and proto3 drops the zero values a pointer field may carry).
      edition: "proto2",
      fields: Object.fromEntries(
        parsed.map((f) => [
          f.name,
          f.map
            ? { id: f.id, type: f.type, keyType: "string" }
            : { id: f.id, type: f.type, ...(f.repeated ? { rule: "repeated" } : {}) },
        ]),
      ),
    };
  }
  const root = protobuf.Root.fromJSON({ nested });
  for (const message of Object.keys(nested)) counted(root.lookupType(message));
  cached = { root, fields };
  return cached;
}

/**
 * How many more messages, strings and byte strings the body being decoded may hold (maxProtobufValues): a
 * 3 MiB body of 250,000 tiny map entries or empty list elements would otherwise take a second to decode.
 * Decoding is synchronous, so one counter serves every body.
 */
let valuesLeft = maxProtobufValues;

function spendValue(): void {
  if (--valuesLeft < 0) {
    throw requestEntityTooLarge(
      `the protobuf body holds more than ${maxProtobufValues} values (messages, strings and bytes); this API reads at most ${maxProtobufValues} in one body`,
    );
  }
}

/** Counts each decode of the type against the budget (nested messages are decoded through their type's `decode`). */
function counted(type: protobuf.Type): void {
  let compiled: protobuf.Type["decode"] | undefined;
  const decode = ((...args: Parameters<protobuf.Type["decode"]>) => {
    spendValue();
    if (!compiled) {
      // setup() compiles the type's decoder into `decode`, over this wrapper: keep it, then put the wrapper back.
      type.setup();
      compiled = type.decode;
      type.decode = decode;
    }
    return compiled.apply(type, args);
  }) as protobuf.Type["decode"];
  type.decode = decode;
}

function parseField(message: string, name: string, spec: string): FieldSpec {
  const match = /^(\d+) (map<string,)?(\w+)(>)?(\[\])?(?: (pointer|always|inline))?$/.exec(spec);
  if (!match) throw new Error(`kube-proto-schema: ${message}.${name}: cannot read "${spec}"`);
  const [, id, map, type, , repeated, flag] = match;
  return {
    name,
    id: Number(id),
    type: type!,
    repeated: repeated !== undefined,
    map: map !== undefined,
    keepZero: flag === "pointer" || flag === "always",
    inline: flag === "inline",
  };
}

/**
 * A Kubernetes protobuf body (`k8s\0` + runtime.Unknown) as the plain object its JSON would be: the kind and
 * apiVersion of the envelope's typeMeta, then the object's fields under their JSON names, with Go's JSON forms
 * (times as RFC 3339, IntOrString as a number or a string, quantities as strings, bytes as base64) and only the
 * fields the JSON would have. Fields this schema does not know (a newer client's) are skipped, as the API server's
 * protobuf decoder skips them. Throws badRequest for anything else.
 */
export function decodeKubeProtobuf(body: Uint8Array): Record<string, unknown> {
  if (body.length < magic.length || magic.some((byte, i) => body[i] !== byte)) {
    throw badRequest('the body is not Kubernetes protobuf: it does not start with "k8s\\x00" (send application/json)');
  }
  const { root, fields } = schema();
  valuesLeft = maxProtobufValues;
  const envelope = decodeMessage(
    root,
    "Unknown",
    body.subarray(magic.length),
    "the protobuf envelope (runtime.Unknown)",
  );
  const typeMeta = (envelope.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
  const apiVersion = typeMeta.apiVersion ?? "";
  const kind = typeMeta.kind ?? "";
  if (typeof envelope.contentEncoding === "string" && envelope.contentEncoding !== "") {
    throw badRequest(
      `the protobuf body's content encoding "${envelope.contentEncoding.slice(0, 40)}" is not supported: send it unencoded, or as application/json`,
    );
  }
  const message = messageFor(apiVersion, kind);
  if (!message) {
    const named = kind
      ? `a ${kind.slice(0, 60)}${apiVersion ? ` (${apiVersion.slice(0, 60)})` : ""}`
      : "an object without a kind";
    throw badRequest(`${named} cannot be decoded from protobuf here: send it as application/json`);
  }
  const raw = envelope.raw instanceof Uint8Array ? envelope.raw : new Uint8Array(0);
  const object = toJson(fields, message, decodeMessage(root, message, raw, `the protobuf ${kind}`));
  return { kind, apiVersion, ...(object as Record<string, unknown>) };
}

function decodeMessage(root: protobuf.Root, message: string, bytes: Uint8Array, what: string): Record<string, unknown> {
  const reader = protobuf.Reader.create(bytes);
  // Strings must be UTF-8, as a JSON body must: protobufjs would otherwise turn bad bytes into U+FFFD quietly.
  reader.string = () => {
    spendValue();
    return reader.stringVerify();
  };
  const readBytes = reader.bytes.bind(reader);
  reader.bytes = () => {
    spendValue();
    return readBytes();
  };
  try {
    return root.lookupType(message).decode(reader) as unknown as Record<string, unknown>;
  } catch (e) {
    if (e instanceof KubeError) throw e;
    if (e instanceof TypeError && (e as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA") {
      throw badRequest(
        `${what} could not be decoded: a string in it is not valid UTF-8. Send strings encoded as UTF-8.`,
      );
    }
    // protobufjs throws RangeError "index out of range" for a truncated message or a length past the end, Error
    // "invalid wire type" for garbage, and "max depth exceeded" past 100 nested messages or groups.
    throw badRequest(
      `${what} could not be decoded: ${e instanceof Error ? e.message.slice(0, 120) : "unreadable"} (is the body truncated?)`,
    );
  }
}

const has = (message: Record<string, unknown>, field: string) => Object.prototype.hasOwnProperty.call(message, field);

/** A decoded message as Go's JSON would write it. */
function toJson(fields: Map<string, FieldSpec[]>, message: string, decoded: Record<string, unknown>): unknown {
  switch (message) {
    case "Time":
      return timeJson(decoded);
    case "IntOrString":
      return intOrStringJson(decoded);
    case "Quantity":
      // Go's JSON writes the quantity's canonical form; a client's encoder sends that form already.
      return typeof decoded.string === "string" ? decoded.string : "0";
    case "FieldsV1":
      return fieldsV1Json(decoded);
  }
  const out: Record<string, unknown> = {};
  for (const field of fields.get(message) ?? []) {
    const value = decoded[field.name];
    if (field.map) {
      const entries = Object.entries((value ?? {}) as Record<string, unknown>);
      if (entries.length === 0) continue;
      const map: Record<string, unknown> = {};
      for (const [key, item] of entries) setOwn(map, key, valueJson(fields, field.type, item));
      out[field.name] = map;
    } else if (field.repeated) {
      if (!Array.isArray(value) || value.length === 0) continue;
      out[field.name] = value.map((item) => valueJson(fields, field.type, item));
    } else {
      if (!has(decoded, field.name)) continue;
      const json = valueJson(fields, field.type, value);
      if (field.inline) Object.assign(out, json);
      else if (field.keepZero || !scalars.has(field.type) || !isZero(json)) out[field.name] = json;
    }
  }
  return out;
}

function valueJson(fields: Map<string, FieldSpec[]>, type: string, value: unknown): unknown {
  if (!scalars.has(type)) return toJson(fields, type, (value ?? {}) as Record<string, unknown>);
  switch (type as Scalar) {
    case "int64":
      return int64(value);
    case "bytes":
      return value instanceof Uint8Array
        ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64")
        : "";
    default:
      return value;
  }
}

const isZero = (json: unknown) => json === "" || json === 0 || json === false;

/** An int64 (a Long, or a number where protobufjs has no Long) as a JSON number, refused past 2^53 rather than rounded. */
function int64(value: unknown): number {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "object" && value !== null && "low" in value && "high" in value
        ? (value as { high: number }).high * 2 ** 32 + ((value as { low: number }).low >>> 0)
        : 0;
  if (!Number.isSafeInteger(n))
    throw badRequest(`the protobuf body has an int64 this API cannot hold exactly (${n}): send application/json`);
  return n;
}

/** metav1.Time: null when zero (Go's encoder writes a zero time as an empty message), else RFC 3339 to the second, in UTC. */
function timeJson(decoded: Record<string, unknown>): string | null {
  if (!has(decoded, "seconds") && !has(decoded, "nanos")) return null;
  const seconds = int64(decoded.seconds);
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 0 || date.getUTCFullYear() > 9999) {
    throw badRequest(`the protobuf body has a time outside the years 0–9999 (${seconds} s)`);
  }
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** intstr.IntOrString: type 0 is the number intVal, type 1 the string strVal. */
function intOrStringJson(decoded: Record<string, unknown>): number | string {
  const type = int64(decoded.type);
  if (type === 0) return typeof decoded.intVal === "number" ? decoded.intVal : 0;
  if (type === 1) return typeof decoded.strVal === "string" ? decoded.strVal : "";
  throw badRequest(`the protobuf body has an IntOrString of unknown type ${type}`);
}

/** metav1.FieldsV1 (managedFields): its bytes are the JSON of the field set. */
function fieldsV1Json(decoded: Record<string, unknown>): unknown {
  if (!(decoded.Raw instanceof Uint8Array)) return null;
  try {
    return JSON.parse(Buffer.from(decoded.Raw).toString("utf8"));
  } catch {
    throw badRequest("the protobuf body has a managedFields entry whose fieldsV1 is not JSON");
  }
}

/** A map key from the body may be "__proto__": define it, as JSON.parse would, rather than set a prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
