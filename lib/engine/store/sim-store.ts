import { createSecretState, type SecretState } from "../create-secret-store";
import { createSimModel, objectKey, type MachineRow, type ObjectRow, type SimModel } from "../sim";
import type { EngineTx } from "./engine-transaction";
import { transition } from "./transition";

type Loaded = { model: SimModel; secrets: SecretState };

type MachineJson = Omit<MachineRow, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string };

/**
 * Loads an environment's machines, objects and secrets in one round trip. Call it holding the environment's
 * row lock: every step of an environment writes under that lock, so what is loaded stays true until commit.
 */
export async function loadSimState(tx: EngineTx, environmentId: string): Promise<Loaded> {
  const { rows } = await tx.client.query<{ machines: MachineJson[]; objects: ObjectRow[]; secrets: { name: string; ciphertext: string }[] }>(
    `SELECT
       (SELECT COALESCE(json_agg(json_build_object('nodeId', "nodeId", 'nodeGroup', "nodeGroup", 'hostname', hostname,
          'privateIp', "privateIp", 'state', state, 'facts', facts, 'createdAt', "createdAt", 'updatedAt', "updatedAt")), '[]')
          FROM sim_machine WHERE "environmentId" = $1) AS machines,
       (SELECT COALESCE(json_agg(json_build_object('kind', kind, 'namespace', namespace, 'name', name, 'spec', spec,
          'status', status, 'createdAt', "createdAt", 'updatedAt', "updatedAt")), '[]')
          FROM sim_object WHERE "environmentId" = $1) AS objects,
       (SELECT COALESCE(json_agg(json_build_object('name', name, 'ciphertext', ciphertext)), '[]')
          FROM environment_secret WHERE "environmentId" = $1) AS secrets`,
    [environmentId],
  );
  const row = rows[0]!;
  const iso = (t: string) => new Date(t).toISOString();
  return {
    model: createSimModel(
      environmentId,
      row.machines.map((m) => ({ ...m, createdAt: iso(m.createdAt), updatedAt: iso(m.updatedAt) })),
      row.objects.map((o) => ({ ...o, createdAt: iso(o.createdAt), updatedAt: iso(o.updatedAt) })),
    ),
    secrets: createSecretState(row.secrets),
  };
}

/**
 * Writes back what the step changed: new machines, each machine state move (through the transition table,
 * as a compare-and-set, with its event), changed facts, created/changed/deleted objects, and secrets.
 */
export async function saveSimState(tx: EngineTx, model: SimModel, secrets: SecretState, at: Date, context: { operationId: string; stepKey: string }): Promise<void> {
  const { changes, environmentId } = model;
  const client = tx.client;

  const created = [...changes.createdMachines].map((id) => model.machines.get(id)).filter((m) => m !== undefined);
  if (created.length > 0) {
    // Inserted in the state they were created in; the moves below take them on from there.
    const firstState = (nodeId: string) => changes.machineMoves.find((m) => m.nodeId === nodeId)?.from ?? model.machines.get(nodeId)!.state;
    await client.query(
      `INSERT INTO sim_machine ("environmentId", "nodeId", "nodeGroup", hostname, "privateIp", state, facts, "createdAt", "updatedAt")
       SELECT $1, n, g, h, ip, s, f, $7, $7 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $8::jsonb[]) AS u(n, g, h, ip, s, f)`,
      [
        environmentId,
        created.map((m) => m.nodeId),
        created.map((m) => m.nodeGroup),
        created.map((m) => m.hostname),
        created.map((m) => m.privateIp),
        created.map((m) => firstState(m.nodeId)),
        at,
        created.map((m) => JSON.stringify(m.facts)),
      ],
    );
  }
  for (const move of changes.machineMoves) {
    const moved = await transition(
      tx,
      { entity: "machine", environmentId, nodeId: move.nodeId, from: move.from, to: move.to },
      { type: `machine.${move.to}`, message: `${move.nodeId}: ${move.to}.`, operationId: context.operationId, stepKey: context.stepKey, data: { node: move.nodeId, state: move.to } },
      at,
    );
    if (!moved) throw new Error(`Machine ${move.nodeId} changed state concurrently.`);
  }
  const facts = [...changes.machineFacts].filter((id) => !changes.createdMachines.has(id)).map((id) => model.machines.get(id)!);
  if (facts.length > 0) {
    await client.query(
      `UPDATE sim_machine m SET facts = u.f, "updatedAt" = $4 FROM unnest($2::text[], $3::jsonb[]) AS u(n, f)
        WHERE m."environmentId" = $1 AND m."nodeId" = u.n`,
      [environmentId, facts.map((m) => m.nodeId), facts.map((m) => JSON.stringify(m.facts)), at],
    );
  }

  const touched = [...changes.touchedObjects].map((key) => model.objects.get(key)!);
  const inserts = touched.filter((o) => !model.loadedObjects.has(objectKey(o.kind, o.namespace, o.name)));
  const updates = touched.filter((o) => model.loadedObjects.has(objectKey(o.kind, o.namespace, o.name)));
  if (inserts.length > 0) {
    await client.query(
      `INSERT INTO sim_object ("environmentId", kind, namespace, name, spec, status, "createdAt", "updatedAt")
       SELECT $1, k, ns, n, sp, st, $6, $6 FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[], $7::jsonb[]) AS u(k, ns, n, sp, st)`,
      [
        environmentId,
        inserts.map((o) => o.kind),
        inserts.map((o) => o.namespace),
        inserts.map((o) => o.name),
        inserts.map((o) => JSON.stringify(o.spec)),
        at,
        inserts.map((o) => JSON.stringify(o.status)),
      ],
    );
  }
  if (updates.length > 0) {
    await client.query(
      `UPDATE sim_object o SET spec = u.sp, status = u.st, "updatedAt" = $7
         FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[]) AS u(k, ns, n, sp, st)
        WHERE o."environmentId" = $1 AND o.kind = u.k AND o.namespace = u.ns AND o.name = u.n`,
      [
        environmentId,
        updates.map((o) => o.kind),
        updates.map((o) => o.namespace),
        updates.map((o) => o.name),
        updates.map((o) => JSON.stringify(o.spec)),
        updates.map((o) => JSON.stringify(o.status)),
        at,
      ],
    );
  }
  if (changes.deletedObjects.size > 0) {
    const deleted = [...changes.deletedObjects].map((key) => key.split("\u0000") as [string, string, string]);
    await client.query(
      `DELETE FROM sim_object o USING unnest($2::text[], $3::text[], $4::text[]) AS u(k, ns, n)
        WHERE o."environmentId" = $1 AND o.kind = u.k AND o.namespace = u.ns AND o.name = u.n`,
      [environmentId, deleted.map((d) => d[0]), deleted.map((d) => d[1]), deleted.map((d) => d[2])],
    );
  }

  if (secrets.written.size > 0) {
    const names = [...secrets.written];
    await client.query(
      `INSERT INTO environment_secret ("environmentId", name, ciphertext, "createdAt")
       SELECT $1, n, c, $4 FROM unnest($2::text[], $3::text[]) AS u(n, c)
       ON CONFLICT ("environmentId", name) DO UPDATE SET ciphertext = excluded.ciphertext`,
      [environmentId, names, names.map((n) => secrets.ciphertexts.get(n)!), at],
    );
  }
  if (secrets.deleted.size > 0) {
    await client.query(`DELETE FROM environment_secret WHERE "environmentId" = $1 AND name = ANY($2::text[])`, [environmentId, [...secrets.deleted]]);
  }
}
