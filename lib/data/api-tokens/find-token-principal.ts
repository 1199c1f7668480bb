import "server-only";
import { findAccountPlan, type AccountPlan } from "@/lib/catalog";
import { database } from "@/lib/db/database";
import { UnauthorizedError } from "@/lib/errors";
import { hashToken, tokenPattern } from "./create-api-token";

export type TokenPrincipal = {
  user: { id: string; name: string; email: string; plan: AccountPlan };
  token: { id: string; name: string; scope: "read" | "write" };
};

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The account and token a bearer token stands for, or 401 saying why not: not a Clusterport token, unknown,
 * revoked (and when), expired (and when). Its last use is recorded (at most every 30 s per token).
 */
export async function findTokenPrincipal(token: string, from: string, now = new Date()): Promise<TokenPrincipal> {
  if (!tokenPattern.test(token)) throw new UnauthorizedError("This is not a Clusterport API token: they start with cp_ and are 46 characters long.");
  const { rows } = await database().query<{
    id: string;
    name: string;
    scope: string;
    expiresAt: Date | null;
    revokedAt: Date | null;
    userId: string;
    userName: string;
    email: string;
    plan: string;
  }>(
    `WITH t AS (SELECT * FROM api_token WHERE hash = $1),
          used AS (UPDATE api_token SET "lastUsedAt" = $2, "lastUsedIp" = $3
                    WHERE id = (SELECT id FROM t) AND "revokedAt" IS NULL AND ("expiresAt" IS NULL OR "expiresAt" > $2)
                      AND ("lastUsedAt" IS NULL OR "lastUsedAt" < $2 - interval '30 seconds' OR "lastUsedIp" IS DISTINCT FROM $3))
     SELECT t.id, t.name, t.scope, t."expiresAt", t."revokedAt", u.id AS "userId", u.name AS "userName", u.email, u.plan
       FROM t JOIN "user" u ON u.id = t."userId"`,
    [hashToken(token), now, from.slice(0, 64)],
  );
  const row = rows[0];
  if (!row) throw new UnauthorizedError("This API token is not valid: it was mistyped, or its account is gone. Create a new one on your Account page.");
  if (row.revokedAt) throw new UnauthorizedError(`This API token (${row.name}) was revoked on ${day(row.revokedAt)}. Create a new one on your Account page.`);
  if (row.expiresAt && row.expiresAt <= now) throw new UnauthorizedError(`This API token (${row.name}) expired on ${day(row.expiresAt)}. Create a new one on your Account page.`);
  return {
    user: { id: row.userId, name: row.userName, email: row.email, plan: findAccountPlan(row.plan) ?? findAccountPlan("developer")! },
    token: { id: row.id, name: row.name, scope: row.scope === "write" ? "write" : "read" },
  };
}
