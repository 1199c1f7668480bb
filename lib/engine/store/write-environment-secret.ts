import type { EngineTx } from "./engine-transaction";

/** Stores (or, with `ciphertext` null, deletes) one of an environment's encrypted secrets. */
export async function writeEnvironmentSecret(
  tx: EngineTx,
  s: { environmentId: string; name: string; ciphertext: string | null; now: Date },
): Promise<void> {
  if (s.ciphertext === null) {
    await tx.client.query(`DELETE FROM environment_secret WHERE "environmentId" = $1 AND name = $2`, [
      s.environmentId,
      s.name,
    ]);
    return;
  }
  await tx.client.query(
    `INSERT INTO environment_secret ("environmentId", name, ciphertext, "createdAt") VALUES ($1, $2, $3, $4)
     ON CONFLICT ("environmentId", name) DO UPDATE SET ciphertext = excluded.ciphertext`,
    [s.environmentId, s.name, s.ciphertext, s.now],
  );
}
