import type { Resources } from "@/lib/engine/sim";
import { stableJson } from "@/lib/stable-json";
import type { FieldErrors } from "./field-errors";
import { isObject, isPort, objectAt, stringMap, type Json } from "./json";
import { checkName } from "./names";
import { parseQuantity, quantityMessage } from "./quantity";

/** What the simulation runs for a Deployment: its pods' image, labels, count and requests. */
export type DeploymentFacts = {
  image: string;
  labels: Record<string, string>;
  replicas: number;
  requests?: Resources;
  template: Json;
};

/**
 * A Deployment's spec checked as the API server checks it (selector, template labels, containers, ports,
 * resources, strategy; the selector cannot change on update) and defaulted as the server defaults it, so the
 * object read back is the one kubectl expects to diff against.
 */
export function admitDeploymentSpec(
  spec: Json,
  previous: Json | undefined,
  errors: FieldErrors,
): { spec: Json; facts: DeploymentFacts } {
  const out: Json = { ...spec };
  if (spec.replicas === undefined || spec.replicas === null) out.replicas = 1;
  else if (!Number.isInteger(spec.replicas)) errors.invalid("spec.replicas", spec.replicas, "must be an integer");
  else if ((spec.replicas as number) < 0)
    errors.invalid("spec.replicas", spec.replicas, "must be greater than or equal to 0");
  // An int32 (the decoder refuses more before this); however many are asked for, the cluster's quota bounds the pods.
  else if ((spec.replicas as number) > 2147483647)
    errors.invalid("spec.replicas", spec.replicas, "must be less than or equal to 2147483647");

  const selector = spec.selector;
  const matchLabels = stringMap(objectAt(selector).matchLabels) ?? {};
  const expressions = Array.isArray(objectAt(selector).matchExpressions)
    ? (objectAt(selector).matchExpressions as unknown[])
    : [];
  if (!isObject(selector) || (Object.keys(matchLabels).length === 0 && expressions.length === 0)) {
    errors.required("spec.selector");
    if (isObject(selector)) errors.invalid("spec.selector", selector, "empty selector is invalid for deployment");
  }
  if (previous && stableJson(previous.selector ?? null) !== stableJson(selector ?? null)) {
    errors.invalid("spec.selector", selector, "field is immutable");
  }

  const template = objectAt(spec.template);
  const templateMeta = objectAt(template.metadata);
  const labels = stringMap(templateMeta.labels) ?? {};
  if (Object.keys(labels).length === 0) errors.required("spec.template.metadata.labels");
  else if (!selects(matchLabels, expressions, labels))
    errors.invalid("spec.template.metadata.labels", labels, "`selector` does not match template `labels`");

  const podSpec = objectAt(template.spec);
  const { containers, requests } = admitContainers(podSpec.containers, "spec.template.spec.containers", errors);
  const restartPolicy = podSpec.restartPolicy ?? "Always";
  if (restartPolicy !== "Always") errors.notSupported("spec.template.spec.restartPolicy", restartPolicy, ["Always"]);

  const strategy = objectAt(spec.strategy);
  const type = strategy.type ?? "RollingUpdate";
  if (type !== "RollingUpdate" && type !== "Recreate")
    errors.notSupported("spec.strategy.type", type, ["Recreate", "RollingUpdate"]);
  if (type === "Recreate" && strategy.rollingUpdate !== undefined) {
    errors.forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'");
  }
  out.strategy =
    type === "RollingUpdate"
      ? { type, rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%", ...objectAt(strategy.rollingUpdate) } }
      : { type };
  out.revisionHistoryLimit ??= 10;
  out.progressDeadlineSeconds ??= 600;
  const defaultedTemplate: Json = {
    ...template,
    metadata: { ...templateMeta },
    spec: {
      ...podSpec,
      containers,
      restartPolicy,
      dnsPolicy: podSpec.dnsPolicy ?? "ClusterFirst",
      schedulerName: podSpec.schedulerName ?? "default-scheduler",
      securityContext: podSpec.securityContext ?? {},
      terminationGracePeriodSeconds: podSpec.terminationGracePeriodSeconds ?? 30,
    },
  };
  out.template = defaultedTemplate;
  const first = objectAt(containers[0]);
  return {
    spec: out,
    facts: {
      image: typeof first.image === "string" ? first.image : "",
      labels,
      replicas: Number.isInteger(out.replicas) ? (out.replicas as number) : 1,
      ...(requests ? { requests } : {}),
      template: defaultedTemplate,
    },
  };
}

/** matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist) against a template's labels. */
function selects(matchLabels: Record<string, string>, expressions: unknown[], labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false;
  for (const e of expressions.map(objectAt)) {
    const key = String(e.key ?? "");
    const values = Array.isArray(e.values) ? e.values.map(String) : [];
    const has = key in labels;
    const ok =
      e.operator === "In"
        ? has && values.includes(labels[key]!)
        : e.operator === "NotIn"
          ? !has || !values.includes(labels[key]!)
          : e.operator === "Exists"
            ? has
            : e.operator === "DoesNotExist"
              ? !has
              : false;
    if (!ok) return false;
  }
  return true;
}

const resourceNames = ["cpu", "memory", "ephemeral-storage"];

/**
 * Containers checked (a name, unique, and an image each; ports; requests and limits as quantities, requests
 * within limits) and defaulted; returns what the pod requests in all — requests, or limits where no request is
 * given, as the API server defaults them.
 */
function admitContainers(
  value: unknown,
  field: string,
  errors: FieldErrors,
): { containers: Json[]; requests?: Resources } {
  if (!Array.isArray(value) || value.length === 0) {
    errors.required(field);
    return { containers: [] };
  }
  const names = new Set<string>();
  let cpu = 0;
  let memory = 0;
  let any = false;
  const containers = value.map((raw, i) => {
    const c = objectAt(raw);
    const at = `${field}[${i}]`;
    if (checkName(errors, `${at}.name`, c.name, "label")) {
      if (names.has(c.name as string)) errors.duplicate(`${at}.name`, c.name);
      names.add(c.name as string);
    }
    if (typeof c.image !== "string" || c.image.trim() === "") errors.required(`${at}.image`);
    const ports = Array.isArray(c.ports) ? c.ports.map(objectAt) : [];
    ports.forEach((p, j) => {
      if (!isPort(p.containerPort))
        errors.invalid(
          `${at}.ports[${j}].containerPort`,
          p.containerPort ?? 0,
          "must be between 1 and 65535, inclusive",
        );
    });
    const resources = objectAt(c.resources);
    const amounts = (kind: "requests" | "limits") => {
      const out: Record<string, number> = {};
      for (const [name, q] of Object.entries(objectAt(resources[kind]))) {
        const n = parseQuantity(q);
        if (!resourceNames.includes(name)) errors.notSupported(`${at}.resources.${kind}[${name}]`, name, resourceNames);
        else if (n === undefined) errors.invalid(`${at}.resources.${kind}[${name}]`, q, quantityMessage);
        else if (n < 0) errors.invalid(`${at}.resources.${kind}[${name}]`, q, "must be greater than or equal to 0");
        else out[name] = n;
      }
      return out;
    };
    const requests = amounts("requests");
    const limits = amounts("limits");
    for (const [name, n] of Object.entries(requests)) {
      if (limits[name] !== undefined && n > limits[name]!) {
        errors.invalid(
          `${at}.resources.requests`,
          objectAt(resources.requests)[name],
          `must be less than or equal to ${name} limit of ${String(objectAt(resources.limits)[name])}`,
        );
      }
    }
    const effective = { ...limits, ...requests };
    if (effective.cpu !== undefined || effective.memory !== undefined) any = true;
    cpu += effective.cpu ?? 0;
    memory += effective.memory ?? 0;
    const image = typeof c.image === "string" ? c.image : "";
    const untagged = !/:[^/]+$/.test(image.split("@")[0] ?? "") || image.endsWith(":latest");
    return {
      ...c,
      ...(ports.length > 0 ? { ports: ports.map((p) => ({ ...p, protocol: p.protocol ?? "TCP" })) } : {}),
      resources:
        Object.keys(limits).length > 0 && Object.keys(requests).length === 0
          ? { ...resources, requests: resources.limits }
          : resources,
      imagePullPolicy: c.imagePullPolicy ?? (untagged ? "Always" : "IfNotPresent"),
      terminationMessagePath: c.terminationMessagePath ?? "/dev/termination-log",
      terminationMessagePolicy: c.terminationMessagePolicy ?? "File",
    };
  });
  return {
    containers,
    ...(any ? { requests: { cpuMillis: Math.ceil(cpu * 1000), memoryBytes: Math.ceil(memory) } } : {}),
  };
}
