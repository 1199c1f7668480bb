import { nodeGroups, type AddonId, type Topology } from "@/lib/catalog";
import type { Endpoints } from "./types";

/**
 * kubeadm's controlPlaneEndpoint is the balancers when there are any (production), so the API survives the
 * loss of a control plane; otherwise it is the single control plane. Optional endpoints are omitted rather
 * than set to undefined so plans compare equal after a JSON round trip.
 */
export function buildEndpoints(
  domain: string,
  topology: Topology,
  addons: Record<AddonId, boolean>,
  certificateDomain?: string,
): Endpoints {
  const base = `https://${domain}/`;
  const apiHost = topology.apiBalancers > 0 ? nodeGroups.balancers.id : nodeGroups.controlPlane.id;
  return {
    cluster: base,
    apiServer: `https://${apiHost}.${domain}:6443`,
    dashboard: `${base}kubernetes-dashboard/`,
    ...(addons.remoteApi ? { remoteApi: `${base}api/` } : {}),
    ...(addons.monitoring ? { grafana: `${base}grafana/`, prometheus: `${base}prometheus/` } : {}),
    ...(addons.tracing ? { jaeger: `${base}jaeger/` } : {}),
    ...(certificateDomain ? { custom: `https://${certificateDomain}/` } : {}),
  };
}
