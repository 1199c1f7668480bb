import "server-only";
import { recordAudit, type AuditContext } from "@/lib/audit/record-audit";
import { database } from "@/lib/db/database";
import { readSim } from "@/lib/engine";
import { env } from "@/lib/env";
import { getEnvironment } from "./get-environment";

export type Credential = { name: string; label: string; username?: string; value: string };

const shown: Record<string, { label: string; username?: string }> = {
  "admin-token": { label: "Admin token" },
  "grafana-password": { label: "Grafana password", username: "admin" },
  "jaeger-password": { label: "Jaeger password", username: "admin" },
};

/** Decrypted credentials of one of the user's environments, on explicit request only (never in snapshots or logs). */
export async function getCredentials(userId: string, name: string, audit: AuditContext): Promise<Credential[]> {
  const environment = await getEnvironment(userId, name);
  const { secrets } = await readSim(database(), environment.id, env().encryptionKey);
  const credentials = Object.entries(shown).flatMap(([secretName, label]) => {
    const value = secrets.get(secretName);
    return value === undefined ? [] : [{ name: secretName, ...label, value }];
  });
  await recordAudit(audit, { action: "credentials.reveal", target: environment.name, details: { shown: credentials.map((c) => c.label) } });
  return credentials;
}
