import { database } from "@/lib/db/database";
import { logger } from "@/lib/logger";
import { maskSecrets } from "./mask-secrets";

/** Who acts, and from where: the account, how it came (browser, token:<name>, …), its address and user agent. */
export type AuditContext = { userId: string; via: string; ip: string; userAgent: string; now?: Date };

export type AuditEntry = {
  /** e.g. "environment.install"; the list of actions is in audit-actions.ts. */
  action: string;
  outcome?: "success" | "failure";
  /** The environment (by name), token or endpoint acted on. */
  target?: string;
  details?: Record<string, unknown>;
};

/**
 * Appends to the account's audit log, secrets masked. A failure to record is logged and does not undo the action
 * it records (the action has happened; losing it from the log is the lesser harm than failing the request).
 */
export async function recordAudit(ctx: AuditContext, entry: AuditEntry): Promise<void> {
  try {
    await database().query(
      `INSERT INTO audit_event ("userId", at, action, outcome, target, via, ip, "userAgent", details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        ctx.userId,
        ctx.now ?? new Date(),
        entry.action,
        entry.outcome ?? "success",
        (entry.target ?? "").slice(0, 200),
        ctx.via.slice(0, 100),
        ctx.ip.slice(0, 64),
        ctx.userAgent.slice(0, 300),
        JSON.stringify(maskSecrets(entry.details ?? {})),
      ],
    );
  } catch (err) {
    logger.error({ err, action: entry.action }, "audit event not recorded");
  }
}
