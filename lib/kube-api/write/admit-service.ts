import { numericHash } from "@/lib/engine/sim";
import type { FieldErrors } from "./field-errors";
import { isPort, objectAt, stringMap, type Json } from "./json";
import { checkName } from "./names";

const types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const protocols = ["SCTP", "TCP", "UDP"];
const nodePortRange = { min: 30000, max: 32767 };
const portName = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** The cluster around a Service: node ports other Services hold ("namespace/name" by port). */
export type ServiceFacts = { usedNodePorts: ReadonlyMap<number, string>; key: string };

/**
 * A Service's spec checked and defaulted as the API server does: type, ports (named when several, unique names,
 * target ports, node ports from 30000–32767 allocated when not given and never shared), a cluster IP allocated
 * once and then immutable ("None" for headless).
 */
export function admitServiceSpec(
  spec: Json,
  previous: Json | undefined,
  facts: ServiceFacts,
  errors: FieldErrors,
): Json {
  const type = spec.type ?? "ClusterIP";
  if (typeof type !== "string" || !types.includes(type)) errors.notSupported("spec.type", type, types);
  const out: Json = { ...spec, type };
  if (type === "ExternalName") {
    if (typeof spec.externalName !== "string" || spec.externalName === "") errors.required("spec.externalName");
  }
  const rawPorts = Array.isArray(spec.ports) ? spec.ports.map(objectAt) : [];
  if (rawPorts.length === 0 && type !== "ExternalName" && spec.clusterIP !== "None") errors.required("spec.ports");
  const withNodePorts = type === "NodePort" || type === "LoadBalancer";
  const names = new Set<string>();
  const taken = new Set<number>();
  out.ports = rawPorts.map((p, i) => {
    const at = `spec.ports[${i}]`;
    if (rawPorts.length > 1 && (typeof p.name !== "string" || p.name === "")) errors.required(`${at}.name`);
    if (typeof p.name === "string" && p.name !== "") {
      checkName(errors, `${at}.name`, p.name, "label");
      if (names.has(p.name)) errors.duplicate(`${at}.name`, p.name);
      names.add(p.name);
    }
    if (!isPort(p.port)) errors.invalid(`${at}.port`, p.port ?? 0, "must be between 1 and 65535, inclusive");
    const protocol = p.protocol ?? "TCP";
    if (typeof protocol !== "string" || !protocols.includes(protocol))
      errors.notSupported(`${at}.protocol`, protocol, protocols);
    const targetPort = p.targetPort ?? p.port;
    if (
      typeof targetPort === "number"
        ? !isPort(targetPort)
        : typeof targetPort !== "string" || targetPort.length > 15 || !portName.test(targetPort)
    ) {
      errors.invalid(
        `${at}.targetPort`,
        targetPort ?? 0,
        "must be between 1 and 65535, inclusive, or an IANA service name",
      );
    }
    let nodePort = p.nodePort;
    if (!withNodePorts && nodePort !== undefined && nodePort !== 0)
      errors.forbidden(`${at}.nodePort`, `may not be used when \`type\` is '${String(type)}'`);
    if (withNodePorts) {
      if (nodePort === undefined || nodePort === 0) {
        nodePort = previousNodePort(previous, p) ?? allocateNodePort(facts, taken, `${facts.key}/${i}`);
      } else if (
        !Number.isInteger(nodePort) ||
        (nodePort as number) < nodePortRange.min ||
        (nodePort as number) > nodePortRange.max
      ) {
        errors.invalid(
          `${at}.nodePort`,
          nodePort,
          `provided port is not in the valid range. The range of valid ports is ${nodePortRange.min}-${nodePortRange.max}`,
        );
      } else if (
        taken.has(nodePort as number) ||
        (facts.usedNodePorts.has(nodePort as number) && facts.usedNodePorts.get(nodePort as number) !== facts.key)
      ) {
        errors.invalid(`${at}.nodePort`, nodePort, "provided port is already allocated");
      }
      if (typeof nodePort === "number") taken.add(nodePort);
    }
    return { ...p, protocol, targetPort, ...(withNodePorts ? { nodePort } : {}) };
  });
  if (spec.selector !== undefined && spec.selector !== null && !stringMap(spec.selector))
    errors.invalid("spec.selector", spec.selector, "must be a map of strings");

  const previousIp = typeof previous?.clusterIP === "string" ? previous.clusterIP : undefined;
  const requested = typeof spec.clusterIP === "string" && spec.clusterIP !== "" ? spec.clusterIP : undefined;
  if (type === "ExternalName") delete out.clusterIP;
  else if (previousIp !== undefined && requested !== undefined && requested !== previousIp) {
    errors.invalid("spec.clusterIPs[0]", requested, "may not change once set");
  } else {
    const ip = previousIp ?? requested ?? clusterIpFor(facts.key);
    if (requested !== undefined && requested !== "None" && !/^10\.96\.\d{1,3}\.\d{1,3}$/.test(requested)) {
      errors.invalid(
        "spec.clusterIPs[0]",
        requested,
        "provided IP is not in the valid range. The range of valid IPs is 10.96.0.0/12",
      );
    }
    out.clusterIP = ip;
    out.clusterIPs = [ip];
    out.ipFamilies = ["IPv4"];
    out.ipFamilyPolicy = "SingleStack";
    out.internalTrafficPolicy ??= "Cluster";
  }
  out.sessionAffinity ??= "None";
  if (withNodePorts) out.externalTrafficPolicy ??= "Cluster";
  return out;
}

/** The cluster IP a Service gets, derived from its name as the installer's Services get theirs. */
function clusterIpFor(key: string): string {
  const h = numericHash(key);
  return `10.96.${(h % 254) + 1}.${((h >>> 8) % 253) + 2}`;
}

function previousNodePort(previous: Json | undefined, port: Json): number | undefined {
  const ports = Array.isArray(previous?.ports) ? previous.ports.map(objectAt) : [];
  const same = ports.find((p) => p.port === port.port && (p.protocol ?? "TCP") === (port.protocol ?? "TCP"));
  return typeof same?.nodePort === "number" ? same.nodePort : undefined;
}

function allocateNodePort(facts: ServiceFacts, taken: Set<number>, seed: string): number {
  const span = nodePortRange.max - nodePortRange.min + 1;
  const start = numericHash(seed) % span;
  for (let i = 0; i < span; i += 1) {
    const port = nodePortRange.min + ((start + i) % span);
    if (!taken.has(port) && !facts.usedNodePorts.has(port)) return port;
  }
  return nodePortRange.min;
}
