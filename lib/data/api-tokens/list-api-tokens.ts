import "server-only";
import { database } from "@/lib/db/database";
import { apiTokenColumns, apiTokenView, type ApiTokenRow, type ApiTokenView } from "./api-token-view";

/** The user's tokens, newest first, revoked and expired ones included (so their last use stays visible). */
export async function listApiTokens(userId: string, now = new Date()): Promise<ApiTokenView[]> {
  const { rows } = await database().query<ApiTokenRow>(`SELECT ${apiTokenColumns} FROM api_token WHERE "userId" = $1 ORDER BY "createdAt" DESC, id`, [userId]);
  return rows.map((r) => apiTokenView(r, now));
}
