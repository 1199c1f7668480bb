import { shortHash } from "./short-hash";

/**
 * An object's UID, shaped like the real ones: stable while the object lives (pods, events and owner references
 * name it), new when an object of the same name is created again.
 */
export function objectUid(
  environmentId: string,
  o: { kind: string; namespace: string; name: string; createdAt: string },
): string {
  const h = shortHash(`${environmentId}/${o.kind}/${o.namespace}/${o.name}/${o.createdAt}`, 32).replace(
    /[^0-9a-z]/g,
    "0",
  );
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
