type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  description?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
  additionalProperties?: Schema | boolean;
  $ref?: string;
};

/** A schema's type in a few words: `string`, `integer 1–200`, `"read" | "write"`, `array of object`. */
export function typeOf(s: Schema): string {
  if (s.$ref) return s.$ref.split("/").at(-1) ?? "object";
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map(typeOf).join(" | ");
  if (s.allOf) return s.allOf.map(typeOf).join(" & ");
  const type = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  if (type === "array" && s.items) return `array of ${typeOf(s.items)}`;
  const range = s.minimum !== undefined || s.maximum !== undefined ? ` ${s.minimum ?? "…"}–${s.maximum ?? "…"}` : "";
  return `${type}${range}`;
}

/** An object schema's fields as a definition list, nested objects indented (two levels, then "object"). */
export function SchemaView({ schema, depth = 0 }: { schema: Schema; depth?: number }) {
  const target = schema.anyOf?.find((s) => s.properties) ?? schema.oneOf?.find((s) => s.properties) ?? schema;
  const properties = Object.entries(target.properties ?? {});
  if (properties.length === 0) return <p className="text-xs text-slate-600">{typeOf(schema)}</p>;
  return (
    <dl className={depth > 0 ? "mt-1 border-l border-slate-200 pl-3" : ""}>
      {properties.map(([name, p]) => {
        const nested = p.items?.properties ? p.items : p.properties ? p : undefined;
        return (
          <div key={name} className="py-1 text-xs">
            <dt className="inline font-mono font-medium text-slate-900">
              {name}
              {(target.required ?? []).includes(name) ? <span className="text-red-700">*</span> : null}
            </dt>
            <dd className="ml-2 inline text-slate-600">
              {typeOf(p)}
              {p.default !== undefined ? ` (default ${JSON.stringify(p.default)})` : ""}
              {p.description ? ` — ${p.description}` : ""}
              {nested && depth < 2 ? <SchemaView schema={nested} depth={depth + 1} /> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export type { Schema };
