import { kubernetesSchemas, schemaNameOf, type OpenApiSchema } from "./kubernetes-schemas";

/** The `fieldValidation` query parameter. Absent means Warn (the API server's default since 1.23); kubectl sends Strict. */
export type FieldValidation = "Strict" | "Warn" | "Ignore";

export type ObjectValidation = {
  /**
   * `unknown field "spec.replicass"`, worded as the API server words them: under Strict the request fails with
   * `strict decoding error: ` and these joined by ", "; under Warn each is a `Warning` header; Ignore collects none.
   */
  unknownFields: string[];
  /** Values the API server could not decode (a string where an integer goes, …), whatever the mode; `field` is the path. */
  errors: { field: string; message: string }[];
};

const refPrefix = "#/components/schemas/";
const quantity = "io.k8s.apimachinery.pkg.api.resource.Quantity";

/**
 * Checks an object's structure against its kind's schema (by apiVersion and kind), the way the API server's
 * decoder does before anything else: unknown fields, and values of the wrong JSON type. Meaning (names,
 * required fields, an image) is the caller's to check.
 */
export function validateObject(object: unknown, mode: FieldValidation): ObjectValidation {
  const out: ObjectValidation = { unknownFields: [], errors: [] };
  if (!isObject(object)) {
    out.errors.push({
      field: "",
      message: `json: cannot unmarshal ${jsonKind(object)} into Go value of type map[string]interface {}`,
    });
    return out;
  }
  const { apiVersion, kind } = object;
  for (const [field, value] of [
    ["apiVersion", apiVersion],
    ["kind", kind],
  ] as const) {
    if (typeof value !== "string" || value === "") {
      out.errors.push({
        field,
        message: `Object '${field === "kind" ? "Kind" : field}' is missing in '${JSON.stringify(object).slice(0, 200)}'`,
      });
    }
  }
  if (typeof apiVersion !== "string" || typeof kind !== "string" || out.errors.length > 0) return out;
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/", 2) : ["", apiVersion];
  const name = schemaNameOf({ group: group ?? "", version: version ?? "", kind });
  if (!name) {
    // The words and the scheme's name are the API server's.
    out.errors.push({
      field: "kind",
      message: `no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`,
    });
    return out;
  }
  walk(object, { $ref: `${refPrefix}${name}` }, { field: "", goField: "", owner: "" }, mode !== "Ignore", out);
  return out;
}

/** Where a value is: its path as the API names it (`spec.containers[0].image`), and as Go's decoder does. */
type Place = { field: string; goField: string; owner: string };

function walk(
  value: unknown,
  schema: OpenApiSchema,
  place: Place,
  reportUnknown: boolean,
  out: ObjectValidation,
): void {
  // null leaves a field unset, as the API server's decoder does.
  if (value === null) return;
  const { schema: s, name } = resolve(schema);
  const wrongType = (found = jsonKind(value), type = goType(schema)) =>
    out.errors.push({ field: place.field, message: typeMessage(found, type, place) });

  if (s.format === "int-or-string" || s["x-kubernetes-int-or-string"]) {
    // IntOrString decodes anything but a string as an int32.
    if (typeof value === "number" && !isInt32(value)) wrongType(`number ${value}`, "int32");
    else if (typeof value !== "number" && typeof value !== "string") wrongType(undefined, "int32");
    return;
  }
  if (name === quantity) {
    const problem =
      typeof value === "number"
        ? undefined
        : typeof value === "string"
          ? quantityProblem(value.trim())
          : quantityProblem("");
    if (problem) out.errors.push({ field: place.field, message: problem });
    return;
  }
  switch (s.type) {
    case "object":
      if (!isObject(value)) return void wrongType();
      return walkObject(value, s, name, place, reportUnknown, out);
    case "array":
      if (!Array.isArray(value)) return void wrongType();
      if (s.items)
        value.forEach((item, i) =>
          walk(item, s.items!, { ...place, field: `${place.field}[${i}]` }, reportUnknown, out),
        );
      return;
    case "string":
      if (typeof value !== "string") return void wrongType();
      if (s.format === "byte") {
        const at = base64Problem(value);
        if (at !== undefined)
          out.errors.push({ field: place.field, message: `illegal base64 data at input byte ${at}` });
      }
      return;
    case "integer": {
      if (typeof value !== "number") return void wrongType();
      const fits = s.format === "int32" ? isInt32(value) : Number.isSafeInteger(value);
      if (!fits) wrongType(`number ${value}`);
      return;
    }
    case "number":
      if (typeof value !== "number") wrongType();
      return;
    case "boolean":
      if (typeof value !== "boolean") wrongType();
      return;
  }
}

function walkObject(
  value: Record<string, unknown>,
  s: OpenApiSchema,
  name: string | undefined,
  place: Place,
  reportUnknown: boolean,
  out: ObjectValidation,
): void {
  const owner = name?.split(".").pop() ?? place.owner;
  const extra = s.additionalProperties;
  for (const [key, v] of Object.entries(value)) {
    const property = s.properties?.[key];
    if (property) {
      walk(
        v,
        property,
        { field: join(place.field, key), goField: join(place.goField, key), owner },
        reportUnknown,
        out,
      );
    } else if (typeof extra === "object") {
      walk(v, extra, { ...place, field: `${place.field}[${key}]` }, reportUnknown, out);
    } else if (reportUnknown && s.properties && extra !== true && !s["x-kubernetes-preserve-unknown-fields"]) {
      // Only where the schema lists properties: one without (RawExtension, FieldsV1) holds any JSON.
      out.unknownFields.push(`unknown field "${join(place.field, key)}"`);
    }
  }
}

/** Follows `$ref`s and `allOf`s to the schema that says what the value is, and the name of the last one referenced. */
function resolve(schema: OpenApiSchema): { schema: OpenApiSchema; name: string | undefined } {
  if (schema.$ref) {
    const name = schema.$ref.slice(refPrefix.length);
    const target = kubernetesSchemas.schemas[name];
    if (!target) throw new Error(`kubernetes-schemas.json has no schema ${name}`);
    const inner = resolve(target);
    return { schema: inner.schema, name: inner.name ?? name };
  }
  if (schema.allOf) {
    const parts = schema.allOf.map(resolve);
    const merged = Object.assign({}, ...parts.map((p) => p.schema)) as OpenApiSchema;
    const properties = Object.assign({}, ...parts.map((p) => p.schema.properties ?? {})) as Record<
      string,
      OpenApiSchema
    >;
    return {
      schema: Object.keys(properties).length > 0 ? { ...merged, properties } : merged,
      name: parts.find((p) => p.name)?.name,
    };
  }
  return { schema, name: undefined };
}

/** `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`, as Go's decoder words it. */
function typeMessage(found: string, type: string, place: Place): string {
  const into = place.owner ? `Go struct field ${place.owner}.${place.goField}` : "Go value";
  return `json: cannot unmarshal ${found} into ${into} of type ${type}`;
}

/** The Go type a schema stands for, as Go prints it: int32, []v1.Container, map[string]string, v1.ObjectMeta. */
function goType(schema: OpenApiSchema): string {
  const { schema: s, name } = resolve(schema);
  if (name && s.type === "object") return name.split(".").slice(-2).join(".");
  switch (s.type) {
    case "array":
      return `[]${s.items ? goType(s.items) : "interface {}"}`;
    case "object":
      return typeof s.additionalProperties === "object"
        ? `map[string]${goType(s.additionalProperties)}`
        : "map[string]interface {}";
    case "string":
      return s.format === "byte" ? "[]uint8" : "string";
    case "integer":
      return s.format === "int32" || s.format === "int64" ? s.format : "int";
    case "number":
      return "float64";
    case "boolean":
      return "bool";
    default:
      return "interface {}";
  }
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "boolean") return "bool";
  return typeof value === "object" ? "object" : typeof value;
}

/** The API server's quantity parser (resource.ParseQuantity), as far as telling good from bad goes. */
function quantityProblem(text: string): string | undefined {
  const parts = /^[+-]?[0-9]*(?:\.[0-9]*)?([eEinumkKMGTP]*[-+]?[0-9]*)$/.exec(text);
  if (text === "" || !parts)
    return "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  const suffix = parts[1] ?? "";
  if (!/^(?:|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][-+]?[0-9]+)$/.test(suffix))
    return "unable to parse quantity's suffix";
  return undefined;
}

/** Where Go's base64.StdEncoding stops reading `text` (line breaks skipped), or undefined when it decodes. */
function base64Problem(text: string): number | undefined {
  const alphabet = /[A-Za-z0-9+/]/;
  let inQuantum = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n" || c === "\r") continue;
    if (alphabet.test(c)) {
      inQuantum = (inQuantum + 1) % 4;
      continue;
    }
    if (c !== "=" || inQuantum < 2) return i;
    // Padding: "==" after two characters, "=" after three, then nothing but line breaks.
    let next = i + 1;
    if (inQuantum === 2) {
      while (next < text.length && /[\r\n]/.test(text[next]!)) next++;
      if (next === text.length) return text.length;
      if (text[next] !== "=") return next - 1;
      next++;
    }
    while (next < text.length && /[\r\n]/.test(text[next]!)) next++;
    return next < text.length ? next : undefined;
  }
  return inQuantum === 0 ? undefined : text.length - inQuantum;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isInt32 = (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647;
const join = (path: string, key: string) => (path === "" ? key : `${path}.${key}`);
