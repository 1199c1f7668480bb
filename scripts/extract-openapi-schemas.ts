// `node --import tsx scripts/extract-openapi-schemas.ts <spec-dir> "<source>"`: writes
// lib/kube-api/openapi/kubernetes-schemas.json from Kubernetes' OpenAPI v3 documents — the files of
// api/openapi-spec/v3 in kubernetes/kubernetes at a release tag (api__v1_openapi.json, apis__apps__v1_openapi.json,
// …) — keeping the schemas the served kinds reach (descriptions and x-kubernetes-* extensions included: kubectl
// explain prints them, kubectl apply builds strategic merge patches from them) and the query parameters of the
// operations. It reads only the files given; the product never downloads them. docs/kubernetes-api.md (OpenAPI).
import fs from "node:fs";
import path from "node:path";
import {
  metaSchemaNames,
  queryParameterNames,
  schemaKinds,
  type GroupVersionKind,
} from "@/lib/kube-api/openapi/openapi-resources";
import { reachableSchemas } from "@/lib/kube-api/openapi/reachable-schemas";

type Parameter = { name: string; in: string };
type Operation = { parameters?: Parameter[]; "x-kubernetes-action"?: string };
type PathItem = { parameters?: Parameter[] } & Partial<Record<(typeof methods)[number], Operation>>;
type SpecDocument = {
  paths?: Record<string, PathItem>;
  components?: { schemas?: Record<string, Record<string, unknown>> };
};

/** In this order, so that a parameter's wording on a create wins over its wording elsewhere. */
const methods = ["post", "put", "patch", "get", "delete"] as const;

const output = path.resolve(__dirname, "..", "lib", "kube-api", "openapi", "kubernetes-schemas.json");

function main() {
  const [dir, source] = process.argv.slice(2);
  if (!dir || !source) {
    throw new Error(
      'Usage: node --import tsx scripts/extract-openapi-schemas.ts <dir of api/openapi-spec/v3 files> "<source, e.g. Kubernetes v1.32.0>"',
    );
  }
  const kinds = schemaKinds();
  const specFile = (gv: Pick<GroupVersionKind, "group" | "version">) =>
    path.join(
      dir,
      gv.group === "" ? `api__${gv.version}_openapi.json` : `apis__${gv.group}__${gv.version}_openapi.json`,
    );
  const files = [...new Set(kinds.map(specFile))];
  const documents = files.map((file) => JSON.parse(fs.readFileSync(file, "utf8")) as SpecDocument);

  const schemas: Record<string, Record<string, unknown>> = {};
  for (const document of documents) {
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      const known = schemas[name];
      if (known && JSON.stringify(withoutKinds(known)) !== JSON.stringify(withoutKinds(schema))) {
        throw new Error(`${name} differs between the spec files: are they from one Kubernetes release?`);
      }
      schemas[name] = schema;
    }
  }
  const roots = [...kinds.map((gvk) => schemaNameOf(schemas, gvk)), ...Object.values(metaSchemaNames)];
  const served = new Set(kinds.map((k) => `${k.group}/${k.version}`));
  const kept = Object.fromEntries(
    reachableSchemas(schemas, roots).map((name) => [name, servedKindsOnly(schemas[name]!, served)]),
  );

  const file = { source, parameters: queryParameters(documents), schemas: kept };
  fs.writeFileSync(output, `${JSON.stringify(file, null, 1)}\n`);
  console.log(
    `Wrote ${path.relative(process.cwd(), output)}: ${Object.keys(kept).length} schemas, ${fs.statSync(output).size} bytes.`,
  );
}

function schemaNameOf(schemas: Record<string, Record<string, unknown>>, gvk: GroupVersionKind): string {
  const found = Object.entries(schemas).find(([, s]) =>
    kindsOf(s).some((k) => k.group === gvk.group && k.version === gvk.version && k.kind === gvk.kind),
  );
  if (!found) throw new Error(`No schema for ${gvk.group}/${gvk.version} ${gvk.kind} in the spec files`);
  return found[0];
}

const kindsOf = (schema: Record<string, unknown>) =>
  (schema["x-kubernetes-group-version-kind"] as GroupVersionKind[] | undefined) ?? [];

function withoutKinds(schema: Record<string, unknown>) {
  const { "x-kubernetes-group-version-kind": _kinds, ...rest } = schema;
  return rest;
}

/** Shared meta types (DeleteOptions, WatchEvent, …) name every group of the real server: keep the ones served here. */
function servedKindsOnly(schema: Record<string, unknown>, served: ReadonlySet<string>): Record<string, unknown> {
  if (!schema["x-kubernetes-group-version-kind"]) return schema;
  return {
    ...schema,
    "x-kubernetes-group-version-kind": kindsOf(schema).filter((k) => served.has(`${k.group}/${k.version}`)),
  };
}

/** The query parameters the API honours, as the documents' operations declare them. */
function queryParameters(documents: readonly SpecDocument[]) {
  const wanted = new Set<string>(Object.values(queryParameterNames).flat());
  const out: Record<string, Parameter> = {};
  for (const method of methods) {
    for (const document of documents) {
      for (const item of Object.values(document.paths ?? {})) {
        const operation = item[method];
        // exec, attach, port-forward and proxy word `container` and others for themselves.
        if (!operation || operation["x-kubernetes-action"] === "connect") continue;
        for (const p of [...(operation.parameters ?? []), ...(item.parameters ?? [])])
          if (p.in === "query" && wanted.has(p.name) && !(p.name in out)) out[p.name] = p;
      }
    }
  }
  const missing = [...wanted].filter((name) => !(name in out));
  if (missing.length > 0) throw new Error(`The spec files declare no query parameter ${missing.join(", ")}`);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

try {
  main();
} catch (e) {
  console.error(`✖ ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
