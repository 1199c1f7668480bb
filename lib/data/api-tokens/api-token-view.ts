import "server-only";
/** A token as its owner sees it listed: never the secret, only its first characters. */
export type ApiTokenView = {
  id: string;
  name: string;
  scope: "read" | "write";
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
  /** active | expired | revoked */
  state: "active" | "expired" | "revoked";
};

type Row = { id: string; name: string; scope: string; prefix: string; createdAt: Date; expiresAt: Date | null; lastUsedAt: Date | null; lastUsedIp: string | null; revokedAt: Date | null };

export const apiTokenColumns = `id, name, scope, prefix, "createdAt", "expiresAt", "lastUsedAt", "lastUsedIp", "revokedAt"`;

export function apiTokenView(r: Row, now = new Date()): ApiTokenView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: r.id,
    name: r.name,
    scope: r.scope === "write" ? "write" : "read",
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    expiresAt: iso(r.expiresAt),
    lastUsedAt: iso(r.lastUsedAt),
    lastUsedIp: r.lastUsedIp,
    revokedAt: iso(r.revokedAt),
    state: r.revokedAt ? "revoked" : r.expiresAt && r.expiresAt <= now ? "expired" : "active",
  };
}

export type ApiTokenRow = Row;
