import file from "./kubernetes-schemas.json";
import type { GroupVersionKind } from "./openapi-resources";

/** The parts of an OpenAPI v3 schema that the Kubernetes documents use and validation reads. */
export type OpenApiSchema = {
  type?: string;
  format?: string;
  description?: string;
  $ref?: string;
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  additionalProperties?: OpenApiSchema | boolean;
  "x-kubernetes-preserve-unknown-fields"?: boolean;
  "x-kubernetes-int-or-string"?: boolean;
  "x-kubernetes-group-version-kind"?: GroupVersionKind[];
};

export type QueryParameter = {
  name: string;
  in: "query";
  description: string;
  schema: { type: string; uniqueItems?: boolean };
};

type SchemaFile = {
  source: string;
  parameters: Record<string, QueryParameter>;
  schemas: Record<string, OpenApiSchema>;
};

/**
 * The schemas of the served kinds and the query parameters of their operations, from Kubernetes' own OpenAPI
 * documents (scripts/extract-openapi-schemas.ts). The cast is to the shape that script writes.
 */
export const kubernetesSchemas = file as SchemaFile;

export const schemaRef = (name: string) => `#/components/schemas/${name}`;

let byKind: Map<string, string> | undefined;

/** The name of the schema of a kind (`io.k8s.api.apps.v1.Deployment` for apps/v1 Deployment), if it has one. */
export function schemaNameOf(gvk: GroupVersionKind): string | undefined {
  byKind ??= new Map(
    Object.entries(kubernetesSchemas.schemas).flatMap(([name, schema]) =>
      (schema["x-kubernetes-group-version-kind"] ?? []).map((k) => [kindKey(k), name] as const),
    ),
  );
  return byKind.get(kindKey(gvk));
}

const kindKey = (k: GroupVersionKind) => `${k.group}/${k.version}/${k.kind}`;
