import { db } from "@/lib/db";
import { activeEnvironmentStatuses } from "@/lib/environments/environment-status";

export async function countActiveEnvironments(userId: string): Promise<number> {
  return db().environment.count({ where: { userId, status: { in: [...activeEnvironmentStatuses] } } });
}
