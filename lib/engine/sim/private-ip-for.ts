import { nodeGroups } from "@/lib/catalog";
import { numericHash } from "./short-hash";

/** Third octet per node group, so an address tells the group at a glance. */
const groupOctet: Readonly<Record<string, number>> = {
  [nodeGroups.controlPlane.id]: 10,
  [nodeGroups.balancers.id]: 20,
  [nodeGroups.workers.id]: 30,
  [nodeGroups.storage.id]: 40,
};

/**
 * The private address of a machine: 10.<environment>.<group>.<index>. The second octet comes from the
 * environment id, so two environments' machines look distinct in logs; the rest from the node id. Same
 * input, same address.
 */
export function privateIpFor(environmentId: string, nodeGroup: string, index: number): string {
  const environmentOctet = (numericHash(environmentId) % 254) + 1;
  const third = groupOctet[nodeGroup] ?? 50 + (numericHash(nodeGroup) % 200);
  const fourth = Math.min(Math.max(index, 1), 254);
  return `10.${environmentOctet}.${third}.${fourth}`;
}
