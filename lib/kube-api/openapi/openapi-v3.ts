import { createHash } from "node:crypto";
import type { KubeResource } from "../kube-resource";
import { kubeResources } from "../resources";
import {
  kubernetesSchemas,
  schemaNameOf,
  schemaRef,
  type OpenApiSchema,
  type QueryParameter,
} from "./kubernetes-schemas";
import {
  groupVersionPath,
  metaSchemaNames,
  queryParameterNames,
  scaleKind,
  type GroupVersionKind,
} from "./openapi-resources";
import { reachableSchemas } from "./reachable-schemas";

type Parameter =
  | QueryParameter
  | { name: string; in: "path"; description: string; required: true; schema: { type: "string"; uniqueItems: true } };
type Content = Record<string, { schema: { $ref: string } | { type: "string" } }>;
type Operation = {
  description: string;
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Content; required?: true };
  responses: Record<string, { description: string; content?: Content }>;
  tags: string[];
  "x-kubernetes-action": "get" | "list" | "post" | "put" | "patch" | "delete";
  "x-kubernetes-group-version-kind": GroupVersionKind;
};
type OperationBody = Pick<Operation, "parameters" | "requestBody" | "responses">;
type PathItem = {
  parameters?: Parameter[];
  get?: Operation;
  post?: Operation;
  put?: Operation;
  patch?: Operation;
  delete?: Operation;
};

export type OpenApiV3Document = {
  openapi: "3.0.0";
  info: { title: "Kubernetes"; version: "unversioned" };
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, OpenApiSchema>; securitySchemes: Record<string, unknown> };
};

/** A document as served: its JSON, and the hash the index puts in its URL. */
export type ServedDocument = { document: OpenApiV3Document; json: string; hash: string };

let documents: Map<string, ServedDocument> | undefined;

/** Every group version's document, built on first use: kubectl asks on every apply, create, edit and explain. */
function servedDocuments(): Map<string, ServedDocument> {
  documents ??= new Map(
    [...new Set(kubeResources.map(groupVersionPath))].map((gv) => {
      const document = build(kubeResources.filter((r) => groupVersionPath(r) === gv));
      const json = JSON.stringify(document);
      return [gv, { document, json, hash: createHash("sha256").update(json).digest("hex").toUpperCase() }];
    }),
  );
  return documents;
}

/** GET /openapi/v3: where each group version's document is, its URL carrying the hash of the document's JSON. */
export function openApiV3Index(): { paths: Record<string, { serverRelativeURL: string }> } {
  // Rooted at /openapi/v3 as the real server's are: kubectl (1.28+) keeps the kubeconfig server's path prefix.
  return {
    paths: Object.fromEntries(
      [...servedDocuments()].map(([gv, { hash }]) => [gv, { serverRelativeURL: `/openapi/v3/${gv}?hash=${hash}` }]),
    ),
  };
}

/**
 * The OpenAPI v3 document of one group version ("api/v1", "apis/apps/v1"), as `/openapi/v3/<path>` serves it,
 * or undefined for a group version this API does not serve.
 */
export function openApiV3Document(groupVersion: string): ServedDocument | undefined {
  return servedDocuments().get(groupVersion);
}

function build(resources: readonly KubeResource[]): OpenApiV3Document {
  const paths: Record<string, PathItem> = {};
  const kinds: GroupVersionKind[] = [];
  for (const r of resources) {
    Object.assign(paths, resourcePaths(r));
    kinds.push(kindOf(r), { ...kindOf(r), kind: `${r.kind}List` }, ...(hasScale(r) ? [scaleKind] : []));
  }
  const names = reachableSchemas(kubernetesSchemas.schemas, [...kinds.map(nameOf), ...Object.values(metaSchemaNames)]);
  return {
    openapi: "3.0.0",
    info: { title: "Kubernetes", version: "unversioned" },
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: Object.fromEntries(names.map((n) => [n, kubernetesSchemas.schemas[n]!])),
      securitySchemes: {
        BearerToken: {
          description: "Bearer Token authentication",
          in: "header",
          name: "authorization",
          type: "apiKey",
        },
      },
    },
  };
}

const hasScale = (r: KubeResource) => r.writable && r.group === "apps" && r.name === "deployments";
const hasLog = (r: KubeResource) => r.group === "" && r.name === "pods";

function resourcePaths(r: KubeResource): Record<string, PathItem> {
  const prefix = `/${groupVersionPath(r)}`;
  const collection = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.name}` : `${prefix}/${r.name}`;
  const item = `${collection}/{name}`;
  const id = (verb: string, suffix = "") =>
    `${verb}${operationGroup(r)}${r.namespaced ? "Namespaced" : ""}${r.kind}${suffix}`;
  const op = (
    action: Operation["x-kubernetes-action"],
    description: string,
    operationId: string,
    rest: OperationBody,
    gvk = kindOf(r),
  ): Operation => ({
    description,
    operationId,
    ...rest,
    tags: [tagOf(r)],
    "x-kubernetes-action": action,
    "x-kubernetes-group-version-kind": gvk,
  });
  const object = schemaRef(nameOf(kindOf(r)));
  const list = op("list", `list or watch objects of kind ${r.kind}`, id("list"), {
    parameters: query("list"),
    responses: ok({
      "application/json": { schema: { $ref: schemaRef(nameOf({ ...kindOf(r), kind: `${r.kind}List` })) } },
      "application/json;stream=watch": { schema: { $ref: schemaRef(metaSchemaNames.watchEvent) } },
    }),
  });
  const namespace = pathParameter("namespace", "object name and auth scope, such as for teams and projects");
  const name = pathParameter("name", `name of the ${r.kind}`);
  const scope = r.namespaced ? [namespace] : [];

  const paths: Record<string, PathItem> = {
    [collection]: { parameters: scope, get: list },
    [item]: {
      parameters: [name, ...scope],
      get: op("get", `read the specified ${r.kind}`, id("read"), { responses: ok(json(object)) }),
    },
  };
  if (r.namespaced) {
    paths[`${prefix}/${r.name}`] = {
      get: { ...list, operationId: `list${operationGroup(r)}${r.kind}ForAllNamespaces` },
    };
  }
  if (r.writable) {
    paths[collection]!.post = op(
      "post",
      `create ${article(r.kind)} ${r.kind}`,
      id("create"),
      writeOperation(object, "*/*", ["200", "201", "202"]),
    );
    Object.assign(paths[item]!, {
      put: op("put", `replace the specified ${r.kind}`, id("replace"), writeOperation(object, "*/*", ["200", "201"])),
      patch: op(
        "patch",
        `partially update the specified ${r.kind}`,
        id("patch"),
        writeOperation(object, "patch", ["200", "201"]),
      ),
      delete: op("delete", `delete ${article(r.kind)} ${r.kind}`, id("delete"), {
        parameters: query("delete"),
        requestBody: { content: json(schemaRef(metaSchemaNames.deleteOptions), "*/*") },
        responses: ok(json(schemaRef(metaSchemaNames.status)), ["200", "202"]),
      }),
    } satisfies PathItem);
  }
  if (hasScale(r)) {
    const scale = schemaRef(nameOf(scaleKind));
    paths[`${item}/scale`] = {
      parameters: [name, ...scope],
      get: op(
        "get",
        `read scale of the specified ${r.kind}`,
        id("read", "Scale"),
        { responses: ok(json(scale)) },
        scaleKind,
      ),
      put: op(
        "put",
        `replace scale of the specified ${r.kind}`,
        id("replace", "Scale"),
        writeOperation(scale, "*/*", ["200", "201"]),
        scaleKind,
      ),
      patch: op(
        "patch",
        `partially update scale of the specified ${r.kind}`,
        id("patch", "Scale"),
        writeOperation(scale, "patch", ["200", "201"]),
        scaleKind,
      ),
    };
  }
  if (hasLog(r)) {
    paths[`${item}/log`] = {
      parameters: [name, ...scope],
      get: op("get", `read log of the specified ${r.kind}`, id("read", "Log"), {
        parameters: query("log"),
        responses: ok({ "text/plain": { schema: { type: "string" } } }),
      }),
    };
  }
  return paths;
}

/** A create, replace or patch: the body (a patch in the patch types served; no server-side apply), the same kind back. */
function writeOperation(object: string, body: "*/*" | "patch", codes: (keyof typeof codeNames)[]): OperationBody {
  const patch = { schema: { $ref: schemaRef(metaSchemaNames.patch) } };
  return {
    parameters: query("write"),
    requestBody: {
      content:
        body === "*/*"
          ? json(object, "*/*")
          : {
              "application/json-patch+json": patch,
              "application/merge-patch+json": patch,
              "application/strategic-merge-patch+json": patch,
            },
      required: true,
    },
    responses: ok(json(object), codes),
  };
}

const json = (ref: string, type = "application/json"): Content => ({ [type]: { schema: { $ref: ref } } });

const codeNames = { "200": "OK", "201": "Created", "202": "Accepted" } as const;

function ok(content: Content, codes: (keyof typeof codeNames)[] = ["200"]): Operation["responses"] {
  return {
    ...Object.fromEntries(codes.map((c) => [c, { description: codeNames[c], content }])),
    "401": { description: "Unauthorized" },
  };
}

function query(operation: keyof typeof queryParameterNames): QueryParameter[] {
  return queryParameterNames[operation].map((n) => {
    const p = kubernetesSchemas.parameters[n];
    if (!p)
      throw new Error(
        `kubernetes-schemas.json has no query parameter ${n}: run scripts/extract-openapi-schemas.ts again`,
      );
    return p;
  });
}

const pathParameter = (name: string, description: string): Parameter => ({
  name,
  in: "path",
  description,
  required: true,
  schema: { type: "string", uniqueItems: true },
});

const kindOf = (r: KubeResource): GroupVersionKind => ({ group: r.group, version: r.version, kind: r.kind });

function nameOf(gvk: GroupVersionKind): string {
  const name = schemaNameOf(gvk);
  if (!name)
    throw new Error(
      `kubernetes-schemas.json has no schema for ${gvk.group}/${gvk.version} ${gvk.kind}: run scripts/extract-openapi-schemas.ts again`,
    );
  return name;
}

/** "Core", "Apps", "Networking", "Storage": the real documents' operation ids name the group by its first word. */
function operationGroup(r: KubeResource): string {
  const word = r.group === "" ? "core" : r.group.split(".")[0]!;
  return `${capitalize(word)}${capitalize(r.version)}`;
}

const tagOf = (r: KubeResource) => `${r.group === "" ? "core" : r.group.split(".")[0]}_${r.version}`;
const article = (kind: string) => (/^[AEIOU]/.test(kind) ? "an" : "a");
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
