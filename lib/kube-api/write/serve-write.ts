import { randomBytes } from "node:crypto";
import type { Pool } from "@/lib/db/pool";
import { ClusterNotChangeable, changeClusterObjects, clusterIngressClass, type EnvironmentRecord } from "@/lib/engine";
import {
  countUserObjects,
  exceededQuota,
  quotaResources,
  type ServiceSpec,
  type Sim,
  type SimObject,
} from "@/lib/engine/sim";
import { clusterQuotaFor } from "@/lib/plan";
import type { ClusterFacts } from "../kinds/kube-kind";
import type { KubeContext } from "../kube-context";
import { groupVersion, type KubeResource } from "../kube-resource";
import { KubeError, badRequest, forbidden, methodNotAllowed, notFound } from "../kube-status";
import { validateObject, type FieldValidation } from "../openapi";
import { applyPatch } from "../patch/apply-patch";
import { readPatch } from "../patch/read-patch";
import type { ResourcePath } from "../resource-path";
import { findResource } from "../resources";
import { toKubeObject } from "../to-kube-object";
import { admitObject } from "./admit-object";
import { isObject, objectAt, type Json } from "./json";
import { bodyText, parseObject, readBodyBytes } from "./read-body";
import { storeObject } from "./store-object";

export type WriteDeps = { pool: Pool; encryptionKey: string };

/** What a write answers: its status code and body (an object, or a Status). */
export type WriteAnswer = { code: number; body: unknown; warnings: string[] };

const qualified = (r: KubeResource) => (r.group ? `${r.name}.${r.group}` : r.name);

/**
 * POST (create), PUT (replace), PATCH and DELETE on the writable kinds, and the Deployment `scale` subresource —
 * each in one transaction on the cluster's objects (changeClusterObjects), so it is all or nothing and the
 * controllers' work (pods scheduled, events) lands with it. Objects the installer or the add-ons made (no
 * manifest) can be read, not changed; namespaces other than "default" take writes only when made through this
 * API. `?dryRun=All` checks and answers without writing.
 */
export async function serveWrite(
  deps: WriteDeps,
  environment: EnvironmentRecord,
  target: ResourcePath,
  request: Request,
  query: URLSearchParams,
): Promise<WriteAnswer> {
  const { resource, namespace, name, subresource } = target;
  const method = request.method;
  const scale = subresource === "scale";
  if (!resource.writable || (subresource !== undefined && !scale)) {
    throw methodNotAllowed(
      `the server does not allow this method on the requested resource: ${qualified(resource)}${subresource ? `/${subresource}` : ""} can be read, not written (its objects are made by the cluster${resource.kind === "Pod" ? "; change the Deployment that owns them" : ""}).`,
    );
  }
  if (resource.namespaced && namespace === undefined)
    throw methodNotAllowed(
      `${qualified(resource)} are written in a namespace: /namespaces/<namespace>/${resource.name}`,
    );
  if (method === "POST" && name !== undefined)
    throw methodNotAllowed(`POST creates in a collection: send it to ${resource.name}, without a name`);
  if (method !== "POST" && name === undefined)
    throw methodNotAllowed(`${method} needs an object's name (a collection can only be created in, listed or watched)`);
  const dryRunValue = query.get("dryRun");
  if (dryRunValue !== null && dryRunValue !== "All")
    throw badRequest(`Invalid dry run value: "${dryRunValue.slice(0, 20)}": supported values: "All"`);
  const validation = fieldValidation(query.get("fieldValidation"));
  const bytes = method === "DELETE" ? new Uint8Array(0) : await readBodyBytes(request);
  // A patch is read (and bounded) here, before the transaction; a create or update body may be binary (protobuf).
  const patch = method === "PATCH" ? readPatch(bodyText(bytes), request.headers.get("content-type") ?? "") : undefined;
  const contentType = request.headers.get("content-type") ?? "";
  const body = method === "POST" || method === "PUT" ? parseObject(bytes, contentType) : undefined;
  const warnings: string[] = [];
  if (body !== undefined) checkStructure(scale ? scaleResource : resource, body, validation, warnings);

  try {
    return await changeClusterObjects(
      deps.pool,
      environment.id,
      (sim) => {
        const ctx: KubeContext = {
          environmentId: environment.id,
          plan: environment.plan,
          sim,
          encryptionKey: deps.encryptionKey,
        };
        const ns = resource.namespaced ? namespace! : "";
        // A create needs a namespace of the user's; a change or delete needs an object of theirs (requireOwn).
        if (resource.namespaced && method === "POST") requireWritableNamespace(sim, resource, ns);
        const objectName = name ?? nameFromBody(body);
        const ref = { kind: resource.simKind, namespace: ns, name: objectName };
        const existing = sim.objects.get(ref);
        const render = (code: number) => () => ({
          code,
          body: toKubeObject(ctx, resource, sim.objects.get(ref)!),
          warnings,
        });
        if (method === "POST") {
          if (existing) {
            throw new KubeError(409, "AlreadyExists", `${qualified(resource)} "${objectName}" already exists`, {
              name: objectName,
              ...(resource.group ? { group: resource.group } : {}),
              kind: resource.name,
            });
          }
          write(sim, ctx, resource, ns, objectName, body, undefined, environment, deps.encryptionKey);
          requireObjectQuota(sim, resource, objectName);
          return render(201);
        }
        const current = requireOwn(ctx, resource, existing, objectName);
        if (method === "DELETE") return remove(sim, ctx, resource, current);
        if (scale) {
          const scaleNow = scaleOf(ctx, current);
          const next =
            method === "PUT" ? body : structured(scaleResource, applyPatch(scaleNow, patch!), validation, warnings);
          // Go's encoder leaves a zero out: `kubectl scale --replicas=0` sends a Scale whose spec has no replicas.
          const replicas = objectAt(objectAt(next).spec).replicas ?? 0;
          if (!Number.isInteger(replicas) || (replicas as number) < 0) {
            throw new KubeError(
              422,
              "Invalid",
              `Scale.autoscaling "${objectName}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0`,
              {
                name: objectName,
                group: "autoscaling",
                kind: "Scale",
                causes: [
                  {
                    reason: "FieldValueInvalid",
                    message: "must be greater than or equal to 0",
                    field: "spec.replicas",
                  },
                ],
              },
            );
          }
          const manifest = objectAt((current.spec as Json).manifest);
          write(
            sim,
            ctx,
            resource,
            ns,
            objectName,
            { ...manifest, spec: { ...objectAt(manifest.spec), replicas } },
            current,
            environment,
            deps.encryptionKey,
          );
          return () => ({ code: 200, body: scaleOf(ctx, sim.objects.get(ref)!), warnings });
        }
        const live = toKubeObject(ctx, resource, current);
        const next = method === "PUT" ? body : structured(resource, applyPatch(live, patch!), validation, warnings);
        const wanted = objectAt(objectAt(next).metadata);
        if (wanted.name !== undefined && wanted.name !== objectName) {
          throw new KubeError(
            422,
            "Invalid",
            `${resource.kind} "${objectName}" is invalid: metadata.name: Invalid value: ${JSON.stringify(wanted.name)}: field is immutable`,
          );
        }
        const version = wanted.resourceVersion;
        if (typeof version === "string" && version !== "" && version !== objectAt(live.metadata).resourceVersion) {
          throw new KubeError(
            409,
            "Conflict",
            `Operation cannot be fulfilled on ${qualified(resource)} "${objectName}": the object has been modified; please apply your changes to the latest version and try again`,
            { name: objectName, ...(resource.group ? { group: resource.group } : {}), kind: resource.name },
          );
        }
        write(sim, ctx, resource, ns, objectName, next, current, environment, deps.encryptionKey);
        return render(200);
      },
      { dryRun: dryRunValue === "All", quota: clusterQuotaFor(environment.plan) },
    );
  } catch (e) {
    if (e instanceof ClusterNotChangeable)
      throw forbidden(`${environment.name} is ${e.status}: its cluster no longer takes changes.`);
    throw e;
  }
}

const scaleResource: KubeResource = {
  group: "autoscaling",
  version: "v1",
  name: "scale",
  singularName: "scale",
  kind: "Scale",
  namespaced: true,
  shortNames: [],
  simKind: "Deployment",
  writable: true,
};

function fieldValidation(value: string | null): FieldValidation {
  if (value === null) return "Warn";
  if (value === "Strict" || value === "Warn" || value === "Ignore") return value;
  throw badRequest(`fieldValidation must be Strict, Warn or Ignore, not "${value.slice(0, 20)}"`);
}

/**
 * The decoder's checks, before any meaning is judged: values of the wrong JSON type are refused (400, the first
 * one, as the API server stops there), unknown fields refused under Strict (what kubectl sends) or returned as
 * warnings under Warn (the default).
 */
function checkStructure(
  resource: KubeResource,
  body: unknown,
  mode: FieldValidation,
  warnings: string[],
  patched = false,
): void {
  const object = isObject(body) ? { apiVersion: groupVersion(resource), kind: resource.kind, ...body } : body;
  const { unknownFields, errors } = validateObject(object, mode);
  const prefix = `${resource.kind} in version "${resource.version}" cannot be handled as a ${resource.kind}: `;
  // A patched object that does not decode is the patch's fault: the API server answers 422 on the field "patch".
  if (errors[0] && patched) throw invalidPatch(body, errors[0].message);
  if (errors[0]) throw badRequest(`${prefix}${errors[0].message}`);
  if (mode === "Strict" && unknownFields.length > 0)
    throw badRequest(`${prefix}strict decoding error: ${unknownFields.join(", ")}`);
  if (mode === "Warn") warnings.push(...unknownFields);
}

function structured(resource: KubeResource, object: Json, mode: FieldValidation, warnings: string[]): Json {
  checkStructure(resource, object, mode, warnings, true);
  return object;
}

/** `The request is invalid: patch: Invalid value: "{…}": json: cannot unmarshal number 2147483648 into Go struct field … of type int32`, as kubectl prints it. */
function invalidPatch(patched: unknown, decoderMessage: string): KubeError {
  const message = `Invalid value: ${JSON.stringify(JSON.stringify(patched))}: ${decoderMessage}`;
  return new KubeError(422, "Invalid", ` "" is invalid: patch: ${message}`, {
    causes: [{ reason: "FieldValueInvalid", message, field: "patch" }],
  });
}

/** A create past the objects quota is refused as the ResourceQuota admission refuses it (403, naming the quota). */
function requireObjectQuota(sim: Sim, resource: KubeResource, name: string): void {
  const hard = sim.quota?.objects;
  if (hard === undefined) return;
  const after = countUserObjects(sim);
  if (after <= hard) return;
  throw new KubeError(
    403,
    "Forbidden",
    `${qualified(resource)} "${name}" is forbidden: ${exceededQuota(quotaResources.objects, after - 1, hard)}`,
    {
      name,
      ...(resource.group ? { group: resource.group } : {}),
      kind: resource.name,
    },
  );
}

function nameFromBody(body: unknown): string {
  const metadata = objectAt(objectAt(body).metadata);
  if (typeof metadata.name === "string" && metadata.name !== "") return metadata.name;
  if (typeof metadata.generateName === "string" && metadata.generateName !== "") {
    const alphabet = "bcdfghjklmnpqrstvwxz2456789";
    return `${metadata.generateName}${[...randomBytes(5)].map((b) => alphabet[b % alphabet.length]).join("")}`;
  }
  throw new KubeError(422, "Invalid", "metadata.name: Required value: name or generateName is required", {
    causes: [
      {
        reason: "FieldValueRequired",
        message: "Required value: name or generateName is required",
        field: "metadata.name",
      },
    ],
  });
}

/** A namespace takes writes when it exists and is "default" or was made through this API. */
function requireWritableNamespace(sim: Sim, resource: KubeResource, namespace: string): void {
  const ns = sim.objects.get({ kind: "Namespace", name: namespace });
  if (!ns) throw notFound(`namespaces "${namespace}" not found`, { name: namespace, kind: "namespaces" });
  if (namespace !== "default" && !(ns.spec as Json).manifest) {
    throw forbidden(
      `${qualified(resource)} is forbidden: namespace ${namespace} is run by Clusterport (the system or an add-on): its objects can be read, not created there. Use "default" or a namespace of your own.`,
    );
  }
}

/** The object to change: it must exist and be the user's (written through this API or a custom manifest). */
function requireOwn(
  ctx: KubeContext,
  resource: KubeResource,
  existing: SimObject | undefined,
  name: string,
): SimObject {
  if (!existing)
    throw notFound(`${qualified(resource)} "${name}" not found`, {
      name,
      ...(resource.group ? { group: resource.group } : {}),
      kind: resource.name,
    });
  if (!(existing.spec as Json).manifest) {
    throw forbidden(
      resource.kind === "Namespace"
        ? `namespaces "${name}" is forbidden: this namespace may not be deleted or changed: it is run by Clusterport`
        : `${qualified(resource)} "${name}" is forbidden: it is run by Clusterport (the system or an add-on) and can be read, not changed`,
    );
  }
  return existing;
}

function clusterFacts(sim: Sim, environment: EnvironmentRecord): ClusterFacts {
  const usedNodePorts = new Map<number, string>();
  for (const s of sim.objects.list<ServiceSpec>("Service")) {
    for (const p of s.spec.ports ?? []) if (p.nodePort) usedNodePorts.set(p.nodePort, `${s.namespace}/${s.name}`);
  }
  return { defaultIngressClass: clusterIngressClass(environment.plan, environment.settings), usedNodePorts };
}

function write(
  sim: Sim,
  ctx: KubeContext,
  resource: KubeResource,
  namespace: string,
  name: string,
  body: unknown,
  current: SimObject | undefined,
  environment: EnvironmentRecord,
  key: string,
): void {
  const previous = current ? (toKubeObject(ctx, resource, current) as Json) : undefined;
  if (previous) {
    // The stored manifest, not the rendered one, is what immutability and allocations compare against.
    const stored = objectAt((current!.spec as Json).manifest);
    previous.spec = stored.spec ?? previous.spec;
    previous.metadata = { ...objectAt(previous.metadata), generation: objectAt(stored.metadata).generation };
  }
  const admitted = admitObject(
    resource,
    isObject(body) ? stripStatus(body) : body,
    { ...(resource.namespaced ? { namespace } : {}), name },
    previous,
    clusterFacts(sim, environment),
  );
  storeObject(sim, admitted, key);
}

function stripStatus(o: Json): Json {
  const { status: _status, ...rest } = o;
  return rest;
}

/** DELETE: a namespace takes everything in it along (answered with it, Terminating); other kinds answer Success. */
function remove(sim: Sim, ctx: KubeContext, resource: KubeResource, current: SimObject): () => WriteAnswer {
  const ref = { kind: current.kind, namespace: current.namespace, name: current.name };
  const rendered = toKubeObject(ctx, resource, current);
  if (resource.kind === "Namespace") {
    for (const o of sim.objects.listAll()) if (o.namespace === current.name) sim.objects.delete(o);
    sim.objects.delete(ref);
    return () => ({ code: 200, body: { ...rendered, status: { phase: "Terminating" } }, warnings: [] });
  }
  sim.objects.delete(ref);
  return () => ({
    code: 200,
    body: {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Success",
      details: {
        name: current.name,
        ...(resource.group ? { group: resource.group } : {}),
        kind: resource.name,
        uid: objectAt(rendered.metadata).uid,
      },
    },
    warnings: [],
  });
}

/** A Deployment's Scale (autoscaling/v1), as `kubectl scale` reads and patches it. */
export function scaleOf(ctx: KubeContext, deployment: SimObject): Json {
  const rendered = toKubeObject(ctx, findResource("apps", "v1", "deployments")!, deployment);
  const metadata = objectAt(rendered.metadata);
  const spec = objectAt(rendered.spec);
  const labels = objectAt(objectAt(spec.selector).matchLabels);
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: {
      name: metadata.name,
      namespace: metadata.namespace,
      uid: metadata.uid,
      resourceVersion: metadata.resourceVersion,
      creationTimestamp: metadata.creationTimestamp,
    },
    spec: { replicas: spec.replicas },
    status: {
      replicas: objectAt(rendered.status).replicas ?? 0,
      selector: Object.entries(labels)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(","),
    },
  };
}
