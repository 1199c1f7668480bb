import { decryptSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { statement } from "@/lib/engine/statement";
import { sqlite } from "@/lib/sqlite";
import { getEnvironment } from "./get-environment";

export type Credential = { name: string; label: string; username?: string; value: string };

const shown: Record<string, { label: string; username?: string }> = {
  "admin-token": { label: "Admin token" },
  "grafana-password": { label: "Grafana password", username: "admin" },
  "jaeger-password": { label: "Jaeger password", username: "admin" },
};

/** Decrypted credentials of one of the user's environments, on explicit request only (never in snapshots or logs). */
export async function getCredentials(userId: string, name: string): Promise<Credential[]> {
  const environment = await getEnvironment(userId, name);
  const rows = statement(sqlite(), "SELECT name, ciphertext FROM environment_secret WHERE environmentId = ? ORDER BY name").all(
    environment.id,
  ) as { name: string; ciphertext: string }[];
  const key = env().encryptionKey;
  return rows
    .filter((r) => r.name in shown)
    .map((r) => ({ name: r.name, ...shown[r.name]!, value: decryptSecret(r.ciphertext, key) }));
}
