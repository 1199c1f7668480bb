import { numericHash } from "@/lib/engine/sim";

/** A pod's IP: stable per node and pod name, in the node's pod range. */
export const podIp = (nodeName: string, podName: string) =>
  `10.239.${numericHash(nodeName) % 250}.${(numericHash(podName) % 250) + 2}`;
