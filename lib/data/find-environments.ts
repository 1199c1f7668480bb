import { db } from "@/lib/db";
import { toEnvironmentSummary, type EnvironmentSummary } from "./environment-dto";

/** The account's environments, newest first. */
export async function findEnvironments(userId: string): Promise<EnvironmentSummary[]> {
  const rows = await db().environment.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  return rows.map(toEnvironmentSummary);
}
