import type { Sim } from "./create-sim";
import type { SimObject, StorageClassSpec } from "./types";

/** The StorageClass marked default (storageclass.kubernetes.io/is-default-class), if any. */
export function findDefaultStorageClass(sim: Sim): SimObject<StorageClassSpec> | undefined {
  return sim.objects.list<StorageClassSpec>("StorageClass").find((sc) => sc.spec.isDefault);
}
