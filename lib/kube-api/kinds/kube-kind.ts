import type { Sim, SimObject } from "@/lib/engine/sim";
import type { KubeContext } from "../kube-context";
import type { KubeResource } from "../kube-resource";
import type { FieldErrors } from "../write/field-errors";
import type { Json } from "../write/json";
import type { Column } from "./columns";

/** What the cluster around a written object says about it. */
export type ClusterFacts = { defaultIngressClass: string; usedNodePorts: ReadonlyMap<number, string> };

/** A write after the checks every kind shares (apiVersion and kind, metadata): what the kind's own rules judge. */
export type AdmitInput = {
  /** The object the client sent, without status. */
  body: Json;
  /** apiVersion and kind, as the manifest starts. */
  head: Json;
  /** The checked, defaulted metadata. */
  metadata: Json;
  at: { namespace?: string; name: string };
  /** The stored object on update (its stored manifest's spec and generation), undefined on create. */
  previous: Json | undefined;
  previousSpec: Json | undefined;
  /** metadata.generation for a new spec: 1 on create, one more when the spec changed. */
  generation: (spec: unknown) => number;
  /** "<namespace>/<name>", what allocations (cluster IPs, node ports) are keyed by. */
  key: string;
  cluster: ClusterFacts;
  errors: FieldErrors;
};

/** Where an admitted object is stored: its name, namespace and metadata, read from its manifest. */
export type StoreAt = { name: string; namespace: string; metadata: Json; manifest: Json; encryptionKey: string };

/** An object ready to store: the manifest as the API will return it, and how the simulation keeps it. */
export type Admitted = { manifest: Json; store: (sim: Sim, at: StoreAt) => void };

/**
 * One kind of the cluster API, as kube-apiserver's per-resource strategy is: its discovery entry, how a
 * simulated object is served, its `kubectl get` columns and, for writable kinds, its rules and its storage.
 */
export type KubeKind = {
  /** Discovery's entry; writable when the kind has `write`. */
  resource: Omit<KubeResource, "writable">;
  /** An object the cluster made (no manifest), as the API serves it after apiVersion and kind. */
  toObject: (ctx: KubeContext, r: KubeResource, o: SimObject) => Json;
  /**
   * What an object its user wrote (it keeps a manifest) is served with after the manifest as written: its status,
   * a Secret's values. Absent for derived kinds (ReplicaSet, Endpoints, Event), which are always computed.
   */
  written?: (ctx: KubeContext, r: KubeResource, o: SimObject, manifest: Json) => Json;
  columns: Column[];
  write?: {
    /** The kind's rules (create and update; `previous` says which), defaulting as the API server does. */
    admit: (input: AdmitInput) => Admitted;
  };
};

/** `written` of the kinds whose written objects are served exactly as written. */
export const asWritten = (): Json => ({});
