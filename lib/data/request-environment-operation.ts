import "server-only";
import { recordAudit, type AuditContext } from "@/lib/audit/record-audit";
import { database } from "@/lib/db/database";
import { requestCancel, requestDelete, requestRetry, requestRollback } from "@/lib/engine";
import { getEnvironment } from "./get-environment";

const requests = { cancel: requestCancel, delete: requestDelete, retry: requestRetry, rollback: requestRollback } as const;

/** Cancel, delete, retry or roll back one of the user's environments (404 for anyone else's, 409 when not allowed now). */
export async function requestEnvironmentOperation(userId: string, name: string, kind: keyof typeof requests, audit: AuditContext): Promise<{ operationId: string }> {
  const environment = await getEnvironment(userId, name);
  const operationId = await requests[kind](database(), { environmentId: environment.id, actorId: userId, now: new Date() });
  await recordAudit(audit, { action: `environment.${kind}`, target: environment.name });
  return { operationId };
}
