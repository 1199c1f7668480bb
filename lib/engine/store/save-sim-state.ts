import type { SecretState } from "../create-secret-store";
import { hasSimChanges, splitObjectKey, type MachineState, type SimModel } from "../sim";
import type { EngineTx } from "./engine-transaction";
import { tombstonePruneEvery, tombstoneVersions } from "./sim-state-select";
import { SqlBatch } from "./sql-batch";
import { machineCreated, transition } from "./transition";

/**
 * Writes back what the step changed: new machines, each machine's state moves (one compare-and-set through
 * the transition table per machine, an event per state passed), changed facts, created/changed/deleted objects,
 * and secrets — into the transaction's batch when it has one, else as one statement now. A machine created by
 * this step is inserted in its final state, its states passed checked against the table all the same.
 * Without a step (`context` null: the cluster's own API) machines must not change — their events name a step.
 *
 * `version` is the environment's simVersion once this commits (the one read under the advisory lock, plus one):
 * object rows written carry it, and each deletion leaves a tombstone of it, so a process holding an older
 * version reads only what changed (simStateSelect). Returns true when machines or objects changed (and the
 * version goes up); a change of secrets alone leaves it, as secrets are read with every transaction.
 */
export async function saveSimState(
  tx: EngineTx,
  model: SimModel,
  secrets: SecretState,
  at: Date,
  context: { operationId: string; stepKey: string } | null,
  version: number,
): Promise<boolean> {
  const { changes, environmentId } = model;
  const changed = hasSimChanges(model);
  if (!changed && secrets.written.size + secrets.deleted.size === 0) return false;
  if (!context && changes.createdMachines.size + changes.machineMoves.length + changes.machineFacts.size > 0) {
    throw new Error(`Environment ${environmentId}: machines change only in a step.`);
  }
  if (changed) tx.simChanged(environmentId);
  const batch = tx.batch ?? new SqlBatch();
  const p = (v: unknown) => batch.param(v);

  const paths = new Map<string, MachineState[]>();
  for (const move of changes.machineMoves)
    paths.set(move.nodeId, [...(paths.get(move.nodeId) ?? [move.from]), move.to]);
  const created = [...changes.createdMachines].map((id) => model.machines.get(id)!);
  if (created.length > 0) {
    for (const m of created) {
      machineCreated(
        tx,
        { environmentId, nodeId: m.nodeId, path: paths.get(m.nodeId) ?? ["created"] },
        { type: "machine", message: "", ...context! },
        at,
      );
      paths.delete(m.nodeId);
    }
    batch.add(
      `INSERT INTO sim_machine ("environmentId", "nodeId", "nodeGroup", hostname, "privateIp", state, facts, "createdAt", "updatedAt")
       SELECT ${p(environmentId)}, n, g, h, ip, st, f, ${p(at)}, ${p(at)}
         FROM unnest(${p(created.map((m) => m.nodeId))}::text[], ${p(created.map((m) => m.nodeGroup))}::text[], ${p(created.map((m) => m.hostname))}::text[],
                     ${p(created.map((m) => m.privateIp))}::text[], ${p(created.map((m) => m.state))}::text[], ${p(created.map((m) => JSON.stringify(m.facts)))}::jsonb[])
              AS u(n, g, h, ip, st, f)
       RETURNING 1`,
      created.length,
    );
  }
  // A machine that moved and whose facts changed is written by one UPDATE: a statement cannot update a row twice.
  const factsOf = (nodeId: string) =>
    changes.machineFacts.has(nodeId) && !changes.createdMachines.has(nodeId)
      ? { facts: model.machines.get(nodeId)!.facts }
      : undefined;
  for (const [nodeId, path] of paths) {
    const moved = await transition(
      { ...tx, batch },
      {
        entity: "machine",
        environmentId,
        nodeId,
        from: path[0]!,
        via: path.slice(1, -1),
        to: path.at(-1)!,
        set: factsOf(nodeId),
      },
      { type: "machine", message: "", operationId: context!.operationId, stepKey: context!.stepKey },
      at,
    );
    if (!moved) throw new Error(`Machine ${nodeId} changed state concurrently.`);
  }
  const facts = [...changes.machineFacts]
    .filter((id) => !changes.createdMachines.has(id) && !paths.has(id))
    .map((id) => model.machines.get(id)!);
  if (facts.length > 0) {
    batch.add(
      `UPDATE sim_machine m SET facts = u.f, "updatedAt" = ${p(at)} FROM unnest(${p(facts.map((m) => m.nodeId))}::text[], ${p(facts.map((m) => JSON.stringify(m.facts)))}::jsonb[]) AS u(n, f)
        WHERE m."environmentId" = ${p(environmentId)} AND m."nodeId" = u.n RETURNING 1`,
      facts.length,
    );
  }

  const touched = [...changes.touchedObjects].map((key) => model.objects.get(...splitObjectKey(key))!);
  const isCommitted = (o: (typeof touched)[number]) =>
    model.committed.objects.get(o.kind, o.namespace, o.name) !== undefined;
  const inserts = touched.filter((o) => !isCommitted(o));
  const updates = touched.filter(isCommitted);
  const columns = (list: typeof touched) =>
    `unnest(${p(list.map((o) => o.kind))}::text[], ${p(list.map((o) => o.namespace))}::text[], ${p(list.map((o) => o.name))}::text[],
            ${p(list.map((o) => JSON.stringify(o.spec)))}::jsonb[], ${p(list.map((o) => JSON.stringify(o.status)))}::jsonb[]) AS u(k, ns, n, sp, st)`;
  if (inserts.length > 0) {
    batch.add(
      `INSERT INTO sim_object ("environmentId", kind, namespace, name, spec, status, "createdAt", "updatedAt", version)
       SELECT ${p(environmentId)}, k, ns, n, sp, st, ${p(at)}, ${p(at)}, ${p(version)} FROM ${columns(inserts)} RETURNING 1`,
      inserts.length,
    );
  }
  if (updates.length > 0) {
    batch.add(
      `UPDATE sim_object o SET spec = u.sp, status = u.st, "updatedAt" = ${p(at)}, version = ${p(version)} FROM ${columns(updates)}
        WHERE o."environmentId" = ${p(environmentId)} AND o.kind = u.k AND o.namespace = u.ns AND o.name = u.n RETURNING 1`,
      updates.length,
    );
  }
  if (changes.deletedObjects.size > 0) {
    const deleted = [...changes.deletedObjects].map(splitObjectKey);
    const keys = `unnest(${p(deleted.map((d) => d[0]))}::text[], ${p(deleted.map((d) => d[1]))}::text[], ${p(deleted.map((d) => d[2]))}::text[]) AS u(k, ns, n)`;
    batch.add(
      `DELETE FROM sim_object o USING ${keys}
        WHERE o."environmentId" = ${p(environmentId)} AND o.kind = u.k AND o.namespace = u.ns AND o.name = u.n RETURNING 1`,
      deleted.length,
    );
    batch.add(
      `INSERT INTO sim_object_tombstone ("environmentId", kind, namespace, name, version)
       SELECT ${p(environmentId)}, k, ns, n, ${p(version)} FROM ${keys}
       ON CONFLICT ("environmentId", kind, namespace, name) DO UPDATE SET version = excluded.version RETURNING 1`,
      deleted.length,
    );
  }
  if (changed && version % tombstonePruneEvery === 0) {
    batch.add(
      `DELETE FROM sim_object_tombstone WHERE "environmentId" = ${p(environmentId)} AND version <= ${p(version - tombstoneVersions)} RETURNING 1`,
    );
  }

  if (secrets.written.size > 0) {
    const names = [...secrets.written];
    batch.add(
      `INSERT INTO environment_secret ("environmentId", name, ciphertext, "createdAt")
       SELECT ${p(environmentId)}, n, c, ${p(at)} FROM unnest(${p(names)}::text[], ${p(names.map((n) => secrets.ciphertexts.get(n)!))}::text[]) AS u(n, c)
       ON CONFLICT ("environmentId", name) DO UPDATE SET ciphertext = excluded.ciphertext RETURNING 1`,
      names.length,
    );
  }
  if (secrets.deleted.size > 0) {
    batch.add(
      `DELETE FROM environment_secret WHERE "environmentId" = ${p(environmentId)} AND name = ANY(${p([...secrets.deleted])}::text[]) RETURNING 1`,
      secrets.deleted.size,
    );
  }
  if (!tx.batch) await batch.run(tx.client);
  return changed;
}
