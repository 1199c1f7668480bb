import { db } from "@/lib/db";
import { activeEnvironmentStatuses } from "@/lib/environments/environment-status";

/** The user's environments that hold a share of the quota; `except` leaves one out (a plan recomputed for it). */
export async function countActiveEnvironments(userId: string, except?: string): Promise<number> {
  return db().environment.count({
    where: { userId, status: { in: [...activeEnvironmentStatuses] }, ...(except ? { id: { not: except } } : {}) },
  });
}
