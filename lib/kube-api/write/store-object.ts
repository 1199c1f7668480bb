import type { Sim } from "@/lib/engine/sim";
import type { Admitted } from "../kinds/kube-kind";
import { objectAt } from "./json";

/**
 * Writes an admitted object into the simulation, as its kind stores it: the manifest kept as written (it is what
 * the API returns), beside what the simulation acts on.
 */
export function storeObject(sim: Sim, admitted: Admitted, encryptionKey: string): void {
  const metadata = objectAt(admitted.manifest.metadata);
  admitted.store(sim, {
    name: String(metadata.name),
    namespace: typeof metadata.namespace === "string" ? metadata.namespace : "",
    metadata,
    manifest: admitted.manifest,
    encryptionKey,
  });
}
