import type { IngressPath } from "@/lib/engine/sim";
import type { FieldErrors } from "./field-errors";
import { isPort, objectAt, type Json } from "./json";
import { checkName } from "./names";

const pathTypes = ["Exact", "ImplementationSpecific", "Prefix"];
const host = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** What the simulated ingress controller routes for an Ingress. */
export type IngressFacts = { ingressClassName: string; paths: IngressPath[]; host?: string; tlsSecretName?: string };

/**
 * An Ingress's spec checked as the API server does (rules or a default backend; hosts; each path typed,
 * absolute, with a service backend by port number or name) and given the cluster's ingress class when it names none.
 */
export function admitIngressSpec(
  spec: Json,
  defaultClass: string,
  errors: FieldErrors,
): { spec: Json; facts: IngressFacts } {
  const rules = Array.isArray(spec.rules) ? spec.rules.map(objectAt) : [];
  if (rules.length === 0 && spec.defaultBackend === undefined)
    errors.invalid("spec", "…", "either `defaultBackend` or `rules` must be specified");
  const paths: IngressPath[] = [];
  const backend = (b: Json, at: string): { service: string; port: number } | undefined => {
    const service = objectAt(b.service);
    if (b.service === undefined) {
      errors.invalid(at, "…", "one of `service` or `resource` must be specified");
      return undefined;
    }
    checkName(errors, `${at}.service.name`, service.name, "dns1035");
    const port = objectAt(service.port);
    if (port.number === undefined && port.name === undefined)
      errors.required(`${at}.service.port`, "port name or number is required");
    else if (port.number !== undefined && !isPort(port.number))
      errors.invalid(`${at}.service.port.number`, port.number, "must be between 1 and 65535, inclusive");
    return { service: String(service.name ?? ""), port: isPort(port.number) ? port.number : 80 };
  };
  rules.forEach((rule, i) => {
    if (rule.host !== undefined && (typeof rule.host !== "string" || !host.test(rule.host))) {
      errors.invalid(
        `spec.rules[${i}].host`,
        rule.host,
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain",
      );
    }
    const rulePaths = Array.isArray(objectAt(rule.http).paths)
      ? (objectAt(rule.http).paths as unknown[]).map(objectAt)
      : [];
    if (rulePaths.length === 0) errors.required(`spec.rules[${i}].http.paths`);
    rulePaths.forEach((p, j) => {
      const at = `spec.rules[${i}].http.paths[${j}]`;
      if (p.pathType === undefined) errors.required(`${at}.pathType`, "pathType must be specified");
      else if (typeof p.pathType !== "string" || !pathTypes.includes(p.pathType))
        errors.notSupported(`${at}.pathType`, p.pathType, pathTypes);
      const path = p.path ?? "/";
      if (typeof path !== "string" || ((p.pathType === "Exact" || p.pathType === "Prefix") && !path.startsWith("/"))) {
        errors.invalid(`${at}.path`, path, "must be an absolute path");
      }
      const to = backend(objectAt(p.backend), `${at}.backend`);
      if (to) paths.push({ path: typeof path === "string" ? path : "/", ...to });
    });
  });
  if (spec.defaultBackend !== undefined) {
    const to = backend(objectAt(spec.defaultBackend), "spec.defaultBackend");
    if (to && paths.length === 0) paths.push({ path: "/", ...to });
  }
  const ingressClassName =
    typeof spec.ingressClassName === "string" && spec.ingressClassName !== "" ? spec.ingressClassName : defaultClass;
  const tls = Array.isArray(spec.tls) ? spec.tls.map(objectAt) : [];
  const firstHost = rules.find((r) => typeof r.host === "string")?.host as string | undefined;
  const tlsSecretName = typeof tls[0]?.secretName === "string" ? tls[0].secretName : undefined;
  return {
    spec: { ...spec, ingressClassName },
    facts: {
      ingressClassName,
      paths,
      ...(firstHost ? { host: firstHost } : {}),
      ...(tlsSecretName ? { tlsSecretName } : {}),
    },
  };
}
