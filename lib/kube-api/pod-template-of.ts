import type { SimObject } from "@/lib/engine/sim";
import { objectAt, type Json } from "./write/json";

/** The pod template's spec of a workload written as a manifest (through the API or a custom deployment). */
export function podTemplateOf(workload: SimObject): Json | undefined {
  const manifest = (workload.spec as { manifest?: unknown }).manifest;
  const spec = objectAt(objectAt(objectAt(objectAt(manifest).spec).template).spec);
  return Array.isArray(spec.containers) ? spec : undefined;
}
