import "server-only";
import { database } from "@/lib/db/database";
import type { AuditFilter } from "@/lib/validations/audit-filter";

export type AuditEventView = {
  id: string;
  at: string;
  action: string;
  outcome: "success" | "failure";
  target: string;
  via: string;
  ip: string;
  userAgent: string;
  details: Record<string, unknown>;
};

/**
 * A page of the account's audit log, newest first by time, then by id (a sequence, for entries of the same
 * millisecond): `before` is the id the previous page ended at (keyset, so pages do not shift as events
 * arrive). An action ending in "." matches its family ("environment.").
 */
export async function listAuditEvents(userId: string, filter: AuditFilter, page: { limit: number; before?: string }): Promise<{ items: AuditEventView[]; more: boolean }> {
  const where = [`"userId" = $1`];
  const values: unknown[] = [userId];
  const add = (clause: (p: string) => string, value: unknown) => {
    values.push(value);
    where.push(clause(`$${values.length}`));
  };
  if (filter.action) add((p) => (filter.action!.endsWith(".") ? `starts_with(action, ${p})` : `action = ${p}`), filter.action);
  if (filter.target) add((p) => `target = ${p}`, filter.target);
  if (filter.outcome) add((p) => `outcome = ${p}`, filter.outcome);
  if (filter.from) add((p) => `at >= ${p}`, new Date(filter.from));
  if (filter.to) add((p) => `at <= ${p}`, endOf(filter.to));
  // Keyset on (at, id), the order shown: the entry the previous page ended at is found by its id (the cursor),
  // so a page starts exactly after it whatever arrived meanwhile. An entry recorded late with an earlier time
  // (at is when it happened) still sorts by that time.
  if (page.before && /^\d{1,19}$/.test(page.before) && BigInt(page.before) <= maxBigint) add((p) => `(at, id) < (SELECT at, id FROM audit_event WHERE id = ${p} AND "userId" = $1)`, page.before);
  values.push(page.limit + 1);
  const { rows } = await database().query<{ id: string; at: Date; action: string; outcome: string; target: string; via: string; ip: string; userAgent: string; details: Record<string, unknown> }>(
    `SELECT id::text, at, action, outcome, target, via, ip, "userAgent", details FROM audit_event WHERE ${where.join(" AND ")} ORDER BY at DESC, id DESC LIMIT $${values.length}`,
    values,
  );
  return {
    items: rows.slice(0, page.limit).map((r) => ({ ...r, at: r.at.toISOString(), outcome: r.outcome === "failure" ? "failure" : "success" })),
    more: rows.length > page.limit,
  };
}

const maxBigint = 2n ** 63n - 1n;

/** A bare date as an end means the whole day. */
function endOf(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(Date.parse(`${value}T23:59:59.999Z`)) : new Date(value);
}
