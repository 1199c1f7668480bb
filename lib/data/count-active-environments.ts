import "server-only";
import { database } from "@/lib/db/database";
import { findActiveEnvironmentPlans } from "@/lib/engine";

/** The user's environments that hold a share of the quota; `except` leaves one out (a plan recomputed for it). */
export async function countActiveEnvironments(userId: string, except?: string): Promise<number> {
  return (await findActiveEnvironmentPlans(database(), userId, except)).length;
}
