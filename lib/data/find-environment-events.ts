import { db } from "@/lib/db";

export type EnvironmentEventDto = { id: number; type: string; message: string; createdAt: string };

export async function findEnvironmentEvents(environmentId: string): Promise<EnvironmentEventDto[]> {
  const rows = await db().environmentEvent.findMany({ where: { environmentId }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ id: r.id, type: r.type, message: r.message, createdAt: r.createdAt.toISOString() }));
}
